#pragma once

#include <cstdint>

namespace assay::drift {

// Exact P(D_{m,n} >= h / lcm(m, n)) for the two-sided two-sample Kolmogorov-Smirnov
// statistic under the null hypothesis, h >= 1: the share of the C(m+n, n) lattice paths
// from (0,0) to (m,n) that touch |x/m - y/n| >= h/lcm. Equal sizes use the closed
// alternating sum (Gnedenko-Korolyuk); unequal sizes count inside paths column by column.
double ksTwoSampleExactSf(std::uint64_t m, std::uint64_t n, std::uint64_t h);

} // namespace assay::drift
