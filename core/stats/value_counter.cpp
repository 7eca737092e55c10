#include "stats/value_counter.h"

#include <cmath>

namespace assay::stats {

std::uint64_t NumericValueCounter::distinct() const
{
    return m_approximate ? static_cast<std::uint64_t>(m_approximate->distinct.estimate())
                         : m_exact.size();
}

void NumericValueCounter::becomeApproximate()
{
    m_approximate = std::make_unique<Approximate>();
    m_exact.forEach([&](std::uint64_t key, std::uint64_t count) {
        m_approximate->distinct.add(FlatCountMap::mix(hashKey(key)));
        if (m_wantsQuantiles)
            m_approximate->sketch.add(keyValue(key, m_kind), count);
    });
    m_exact.clear();
}

void NumericValueCounter::merge(const NumericValueCounter &other, std::size_t limit)
{
    if (other.m_approximate && !m_approximate)
        becomeApproximate();
    if (!m_approximate) {
        other.m_exact.forEach([&](std::uint64_t key, std::uint64_t count) { m_exact.add(key, count); });
        checkLimit(limit);
        return;
    }
    if (other.m_approximate) {
        m_approximate->distinct.merge(other.m_approximate->distinct);
        if (m_wantsQuantiles)
            m_approximate->sketch.merge(other.m_approximate->sketch);
    } else {
        other.m_exact.forEach([&](std::uint64_t key, std::uint64_t count) {
            m_approximate->distinct.add(FlatCountMap::mix(hashKey(key)));
            if (m_wantsQuantiles)
                m_approximate->sketch.add(keyValue(key, m_kind), count);
        });
    }
}

void NumericValueCounter::convertToDouble()
{
    if (m_kind == KeyKind::Double)
        return;
    FlatCountMap rekeyed;
    m_exact.forEach([&](std::uint64_t key, std::uint64_t count) {
        rekeyed.add(doubleKey(keyValue(key, m_kind)), count);
    });
    m_exact = std::move(rekeyed);
    m_kind = KeyKind::Double;
    m_wantsQuantiles = true;
}

} // namespace assay::stats
