#pragma once

#include <span>

namespace assay::drift {

struct KsResult {
    double statistic = 0; // sup |F_a - F_b|
    double pValue = 1;
    bool exact = false;   // the p-value counts lattice paths rather than using the asymptotic law
};

// Two-sided two-sample Kolmogorov-Smirnov test on ascending, non-empty samples, as
// scipy.stats.ks_2samp(method='auto'): exact when both sizes are at most 10000 (the
// statistic then becomes h/lcm(m,n), the nearest lattice value), otherwise
// kstwo.sf(D, round(m n / (m + n))).
KsResult ksTwoSample(std::span<const double> a, std::span<const double> b);

// sup |F_a - F_b| over all sample points, ties handled (both ECDFs step past equal values).
double ksStatistic(std::span<const double> a, std::span<const double> b);

} // namespace assay::drift
