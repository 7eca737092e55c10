#pragma once

#include <span>

namespace assay::drift {

// The first Wasserstein (earth mover's) distance between two ascending, non-empty samples,
// as scipy.stats.wasserstein_distance: the integral of |F_a - F_b| over the merged values.
double wassersteinDistance(std::span<const double> a, std::span<const double> b);

// Population standard deviation (ddof = 0), two-pass.
double populationStd(std::span<const double> values);

// Evidently's normed Wasserstein distance: W(ref, cur) / max(std(ref, ddof=0), 0.001).
double normedWassersteinDistance(std::span<const double> reference, std::span<const double> current);

} // namespace assay::drift
