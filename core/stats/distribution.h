#pragma once

#include "stats/profile.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace assay::stats {

// (value, count) pairs sorted by value, e.g. a column's exact counts or a sketch's items.
using WeightedValues = std::vector<std::pair<double, std::uint64_t>>;

// The kProfileQuantiles of exactly these values as pandas' Series.quantile computes them
// (linear interpolation at position q * (n - 1), numpy's lerp).
std::vector<double> interpolatedQuantiles(const WeightedValues &sorted);

// The kProfileQuantiles read off a sketch: the smallest retained value whose cumulative
// weight passes rank q * (n - 1). Rank error is the sketch's.
std::vector<double> rankQuantiles(const WeightedValues &sorted);

// numpy.histogram(values, bins=kHistogramBins): equal-width edges from min to max (a
// constant column gets min - 0.5 .. max + 0.5), the last bin closed, values binned by
// numpy's own rule so counts agree at the edges. Exact when `values` are exact counts.
Histogram equalWidthHistogram(const WeightedValues &values, double min, double max);

} // namespace assay::stats
