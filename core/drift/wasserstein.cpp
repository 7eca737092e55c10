#include "drift/wasserstein.h"

#include <algorithm>
#include <cmath>

namespace assay::drift {

double wassersteinDistance(std::span<const double> a, std::span<const double> b)
{
    const double na = double(a.size()), nb = double(b.size());
    std::size_t i = 0, j = 0;
    double total = 0.0;
    double x = std::min(a.front(), b.front());
    // Between consecutive merged values x and next, |F_a - F_b| is constant.
    while (i < a.size() || j < b.size()) {
        while (i < a.size() && a[i] == x)
            ++i;
        while (j < b.size() && b[j] == x)
            ++j;
        if (i == a.size() && j == b.size())
            break;
        const double next = i == a.size() ? b[j] : j == b.size() ? a[i] : std::min(a[i], b[j]);
        total += std::abs(double(i) / na - double(j) / nb) * (next - x);
        x = next;
    }
    return total;
}

double populationStd(std::span<const double> values)
{
    double sum = 0;
    for (double v : values)
        sum += v;
    const double mean = sum / double(values.size());
    double squares = 0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    return std::sqrt(squares / double(values.size()));
}

double normedWassersteinDistance(std::span<const double> reference, std::span<const double> current)
{
    return wassersteinDistance(reference, current) / std::max(populationStd(reference), 0.001);
}

} // namespace assay::drift
