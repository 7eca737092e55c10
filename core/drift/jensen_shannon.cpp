#include "drift/jensen_shannon.h"

#include <cmath>
#include <numbers>
#include <numeric>

namespace assay::drift {

namespace {

// x ln(x / y), 0 when x is 0 (scipy.special.rel_entr).
double relativeEntropy(double x, double y)
{
    return x > 0 ? x * std::log(x / y) : 0.0;
}

} // namespace

double jensenShannonDistance(const std::vector<std::uint64_t> &reference,
                             const std::vector<std::uint64_t> &current)
{
    const double nRef = double(std::accumulate(reference.begin(), reference.end(), std::uint64_t(0)));
    const double nCur = double(std::accumulate(current.begin(), current.end(), std::uint64_t(0)));
    double left = 0, right = 0;
    for (std::size_t i = 0; i < reference.size(); ++i) {
        const double p = double(reference[i]) / nRef;
        const double q = double(current[i]) / nCur;
        const double m = (p + q) / 2;
        left += relativeEntropy(p, m);
        right += relativeEntropy(q, m);
    }
    const double js = (left + right) / 2 / std::numbers::ln2;
    return std::sqrt(std::max(js, 0.0));
}

} // namespace assay::drift
