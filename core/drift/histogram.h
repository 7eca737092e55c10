#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace assay::drift {

inline constexpr std::size_t kHistogramBins = 30;

// Equal-width bin edges as numpy.histogram(range=(low, high), bins=bins) makes them:
// numpy.linspace(low, high, bins + 1) (edge i = i * step + low, the last exactly high);
// when low == high the range widens to (low - 0.5, high + 0.5).
std::vector<double> equalWidthEdges(double low, double high, std::size_t bins = kHistogramBins);

// Counts of an ascending sample per bin [e_i, e_i+1), the last bin closed [e_k-1, e_k], as
// numpy.histogram assigns them. Values outside the edges are not counted.
std::vector<std::uint64_t> histogramCounts(std::span<const double> sorted, const std::vector<double> &edges);

} // namespace assay::drift
