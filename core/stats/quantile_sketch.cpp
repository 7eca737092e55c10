#include "stats/quantile_sketch.h"

#include <algorithm>

namespace assay::stats {

void QuantileSketch::add(double value, std::uint64_t weight)
{
    m_count += weight;
    for (std::size_t level = 0; weight != 0; ++level, weight >>= 1) {
        if ((weight & 1) == 0)
            continue;
        if (m_levels.size() <= level)
            m_levels.resize(level + 1);
        m_levels[level].push_back(value);
    }
    compactOverfull();
}

void QuantileSketch::merge(const QuantileSketch &other)
{
    if (m_levels.size() < other.m_levels.size())
        m_levels.resize(other.m_levels.size());
    for (std::size_t level = 0; level < other.m_levels.size(); ++level)
        m_levels[level].insert(m_levels[level].end(), other.m_levels[level].begin(),
                               other.m_levels[level].end());
    m_count += other.m_count;
    compactOverfull();
}

void QuantileSketch::compactOverfull()
{
    for (std::size_t level = 0; level < m_levels.size(); ++level)
        if (m_levels[level].size() >= kLevelCapacity)
            compact(level);
}

void QuantileSketch::compact(std::size_t level)
{
    if (m_nextOffset.size() <= level)
        m_nextOffset.resize(level + 1, 0);
    if (m_levels.size() <= level + 1)
        m_levels.resize(level + 2);
    std::vector<double> &items = m_levels[level];
    std::sort(items.begin(), items.end());
    // An odd item out stays behind so no weight is lost.
    std::size_t end = items.size();
    double leftover = 0;
    const bool odd = end % 2 == 1;
    if (odd)
        leftover = items[--end];
    std::vector<double> &up = m_levels[level + 1];
    for (std::size_t i = m_nextOffset[level]; i < end; i += 2)
        up.push_back(items[i]);
    m_nextOffset[level] ^= 1;
    items.clear();
    if (odd)
        items.push_back(leftover);
    if (up.size() >= kLevelCapacity)
        compact(level + 1);
}

std::vector<std::pair<double, std::uint64_t>> QuantileSketch::weightedItems() const
{
    std::vector<std::pair<double, std::uint64_t>> items;
    for (std::size_t level = 0; level < m_levels.size(); ++level)
        for (double value : m_levels[level])
            items.emplace_back(value, std::uint64_t(1) << level);
    std::sort(items.begin(), items.end());
    return items;
}

} // namespace assay::stats
