#include "stats/string_counter.h"

namespace assay::stats {

std::uint64_t StringCounter::distinct() const
{
    return m_approximate ? static_cast<std::uint64_t>(m_approximate->distinct.estimate())
                         : m_exact.size();
}

void StringCounter::add(std::string_view value, std::uint64_t count)
{
    m_lengthSum += codePoints(value) * count;
    if (m_approximate) {
        m_approximate->distinct.add(hashBytes(value));
        m_approximate->frequent.add(value, count);
        return;
    }
    if (auto it = m_exact.find(value); it != m_exact.end())
        it->second += count;
    else
        m_exact.emplace(std::string(value), count);
}

void StringCounter::becomeApproximate()
{
    m_approximate = std::make_unique<Approximate>();
    for (const auto &[value, count] : m_exact) {
        m_approximate->distinct.add(hashBytes(value));
        m_approximate->frequent.add(value, count);
    }
    StringCountMap().swap(m_exact);
}

void StringCounter::merge(const StringCounter &other, std::size_t limit)
{
    m_lengthSum += other.m_lengthSum;
    if (other.m_approximate && !m_approximate)
        becomeApproximate();
    if (!m_approximate) {
        for (const auto &[value, count] : other.m_exact) {
            if (auto it = m_exact.find(value); it != m_exact.end())
                it->second += count;
            else
                m_exact.emplace(value, count);
        }
        checkLimit(limit);
        return;
    }
    if (other.m_approximate) {
        m_approximate->distinct.merge(other.m_approximate->distinct);
        m_approximate->frequent.merge(other.m_approximate->frequent);
    } else {
        for (const auto &[value, count] : other.m_exact) {
            m_approximate->distinct.add(hashBytes(value));
            m_approximate->frequent.add(value, count);
        }
    }
}

} // namespace assay::stats
