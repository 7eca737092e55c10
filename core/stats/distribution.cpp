#include "stats/distribution.h"

#include <algorithm>
#include <cmath>

namespace assay::stats {

namespace {

// The value at any 0-based rank of a sorted multiset given as (value, count) pairs.
class RankLookup {
public:
    explicit RankLookup(const WeightedValues &sorted) : m_sorted(sorted)
    {
        std::uint64_t total = 0;
        m_ends.reserve(sorted.size());
        for (const auto &entry : sorted)
            m_ends.push_back(total += entry.second);
    }
    double at(std::uint64_t rank) const
    {
        const auto it = std::upper_bound(m_ends.begin(), m_ends.end(), rank);
        return m_sorted[static_cast<std::size_t>(it - m_ends.begin())].first;
    }

private:
    const WeightedValues &m_sorted;
    std::vector<std::uint64_t> m_ends; // cumulative counts
};

std::uint64_t totalOf(const WeightedValues &values)
{
    std::uint64_t n = 0;
    for (const auto &entry : values)
        n += entry.second;
    return n;
}

double lerp(double a, double b, double t)
{
    const double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// pandas hands numpy percentiles (q * 100), which numpy divides by 100 again.
double pandasQuantile(double q)
{
    return (q * 100.0) / 100.0;
}

} // namespace

std::vector<double> interpolatedQuantiles(const WeightedValues &sorted)
{
    const std::uint64_t n = totalOf(sorted);
    if (n == 0)
        return {};
    std::vector<double> result;
    const RankLookup cursor(sorted);
    for (double q : kProfileQuantiles) {
        const double position = pandasQuantile(q) * static_cast<double>(n - 1);
        const double below = std::floor(position);
        const auto lo = static_cast<std::uint64_t>(below);
        const std::uint64_t hi = std::min(lo + 1, n - 1);
        const double a = cursor.at(lo);
        const double b = cursor.at(hi);
        result.push_back(lerp(a, b, position - below));
    }
    return result;
}

std::vector<double> rankQuantiles(const WeightedValues &sorted)
{
    const std::uint64_t n = totalOf(sorted);
    if (n == 0)
        return {};
    std::vector<double> result;
    const RankLookup cursor(sorted);
    for (double q : kProfileQuantiles)
        result.push_back(cursor.at(static_cast<std::uint64_t>(std::llround(q * static_cast<double>(n - 1)))));
    return result;
}

Histogram equalWidthHistogram(const WeightedValues &values, double min, double max)
{
    constexpr std::size_t bins = kHistogramBins;
    Histogram histogram;
    if (values.empty() || !std::isfinite(min) || !std::isfinite(max))
        return histogram;
    if (min == max) {
        min -= 0.5;
        max += 0.5;
    }
    // numpy.linspace: start + i * step, the last edge exactly max.
    const double step = (max - min) / static_cast<double>(bins);
    histogram.edges.resize(bins + 1);
    for (std::size_t i = 0; i < bins; ++i)
        histogram.edges[i] = static_cast<double>(i) * step + min;
    histogram.edges[bins] = max;
    histogram.counts.assign(bins, 0);
    const double norm = static_cast<double>(bins) / (max - min);
    const auto &edges = histogram.edges;
    for (const auto &[value, count] : values) {
        if (value < min || value > max)
            continue;
        auto index = static_cast<std::size_t>((value - min) * norm);
        if (index >= bins)
            index = bins - 1;
        if (value < edges[index] && index > 0)
            --index;
        else if (value >= edges[index + 1] && index != bins - 1)
            ++index;
        histogram.counts[index] += count;
    }
    return histogram;
}

} // namespace assay::stats
