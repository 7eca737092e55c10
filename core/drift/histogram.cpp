#include "drift/histogram.h"

#include <algorithm>

namespace assay::drift {

std::vector<double> equalWidthEdges(double low, double high, std::size_t bins)
{
    if (low == high) {
        low -= 0.5;
        high += 0.5;
    }
    const double step = (high - low) / double(bins);
    std::vector<double> edges(bins + 1);
    for (std::size_t i = 0; i < bins; ++i)
        edges[i] = double(i) * step + low;
    edges[bins] = high;
    return edges;
}

std::vector<std::uint64_t> histogramCounts(std::span<const double> sorted, const std::vector<double> &edges)
{
    const std::size_t bins = edges.size() - 1;
    std::vector<std::uint64_t> counts(bins, 0);
    const auto begin = sorted.begin();
    auto from = std::lower_bound(begin, sorted.end(), edges.front());
    for (std::size_t b = 0; b < bins; ++b) {
        const auto to = b + 1 == bins ? std::upper_bound(from, sorted.end(), edges.back())
                                      : std::lower_bound(from, sorted.end(), edges[b + 1]);
        counts[b] = std::uint64_t(to - from);
        from = to;
    }
    return counts;
}

} // namespace assay::drift
