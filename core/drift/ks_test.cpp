#include "drift/ks_test.h"

#include "drift/kolmogorov_distribution.h"
#include "drift/ks_exact.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::drift {

namespace {

constexpr std::size_t kMaxExactSize = 10'000;

} // namespace

double ksStatistic(std::span<const double> a, std::span<const double> b)
{
    const double na = double(a.size()), nb = double(b.size());
    std::size_t i = 0, j = 0;
    double largest = 0.0;
    while (i < a.size() && j < b.size()) {
        const double x = std::min(a[i], b[j]);
        while (i < a.size() && a[i] == x)
            ++i;
        while (j < b.size() && b[j] == x)
            ++j;
        largest = std::max(largest, std::abs(double(i) / na - double(j) / nb));
    }
    // Past the end of one sample the difference only shrinks towards 0.
    return largest;
}

KsResult ksTwoSample(std::span<const double> a, std::span<const double> b)
{
    KsResult result;
    result.statistic = ksStatistic(a, b);
    const std::uint64_t m = a.size(), n = b.size();
    if (std::max(m, n) <= kMaxExactSize) {
        const std::uint64_t lcm = m / std::gcd(m, n) * n;
        const auto h = std::uint64_t(std::nearbyint(result.statistic * double(lcm)));
        result.statistic = double(h) / double(lcm);
        result.pValue = ksTwoSampleExactSf(m, n, h);
        result.exact = true;
        return result;
    }
    const double big = double(std::max(m, n)), small = double(std::min(m, n));
    const double effective = std::nearbyint(big * small / (big + small));
    result.pValue = kolmogorovSf(std::uint64_t(effective), result.statistic);
    return result;
}

} // namespace assay::drift
