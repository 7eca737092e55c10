#pragma once

#include <cmath>
#include <numbers>

namespace assay::drift {

// P(Z >= z) for a standard normal Z, accurate far into the tail (erfc, not 1 - cdf).
inline double normalSf(double z)
{
    return 0.5 * std::erfc(z / std::numbers::sqrt2);
}

// Two-sided p-value of a z statistic: 2 P(Z >= |z|).
inline double twoSidedNormalP(double z)
{
    return std::erfc(std::abs(z) / std::numbers::sqrt2);
}

} // namespace assay::drift
