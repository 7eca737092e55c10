#pragma once

#include <cstdint>

namespace assay::drift {

// P(D_n >= d) for the one-sample two-sided Kolmogorov-Smirnov statistic D_n over n
// observations (scipy.stats.kstwo.sf). Chooses among exact and approximate methods by
// region as Simard & L'Ecuyer (2011) recommend: Ruben-Gambino closed forms at the ends,
// Durbin's matrix (Marsaglia-Tsang-Wang) for small n*d^2, twice the one-sided Smirnov
// tail for large d, and the Pelz-Good expansion for large n.
double kolmogorovSf(std::uint64_t n, double d);

// P(D_n^+ >= d) for the one-sided statistic (Birnbaum-Tingey exact sum; for n above a
// million the approximation exp(-(6nd+1)^2 / 18n), as scipy.special.smirnov does).
double smirnovSf(std::uint64_t n, double d);

// P(D_n <= d) by Durbin's matrix method as Marsaglia, Tsang and Wang (2003) evaluate it.
double kolmogorovCdfDurbin(std::uint64_t n, double d);

// P(D_n <= d) by the Pelz-Good (1976) asymptotic series in 1/sqrt(n).
double kolmogorovCdfPelzGood(std::uint64_t n, double d);

} // namespace assay::drift
