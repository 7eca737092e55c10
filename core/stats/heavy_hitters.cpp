#include "stats/heavy_hitters.h"

#include <algorithm>
#include <functional>

namespace assay::stats {

void HeavyHitters::add(std::string_view value, std::uint64_t count)
{
    if (auto it = m_counters.find(value); it != m_counters.end())
        it->second += count;
    else
        m_counters.emplace(std::string(value), count);
    if (m_counters.size() > 2 * kCounters)
        prune();
}

void HeavyHitters::merge(const HeavyHitters &other)
{
    for (const auto &[value, count] : other.m_counters) {
        if (auto it = m_counters.find(value); it != m_counters.end())
            it->second += count;
        else
            m_counters.emplace(value, count);
    }
    if (m_counters.size() > 2 * kCounters)
        prune();
}

void HeavyHitters::prune()
{
    std::vector<std::uint64_t> counts;
    counts.reserve(m_counters.size());
    for (const auto &entry : m_counters)
        counts.push_back(entry.second);
    std::nth_element(counts.begin(), counts.begin() + kCounters, counts.end(), std::greater<>());
    const std::uint64_t cut = counts[kCounters];
    for (auto it = m_counters.begin(); it != m_counters.end();) {
        if (it->second <= cut) {
            it = m_counters.erase(it);
        } else {
            it->second -= cut;
            ++it;
        }
    }
}

} // namespace assay::stats
