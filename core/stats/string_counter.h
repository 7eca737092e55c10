#pragma once

#include "stats/heavy_hitters.h"
#include "stats/hyperloglog.h"
#include "stats/string_map.h"

#include <cstdint>
#include <memory>
#include <string_view>

namespace assay::stats {

// Distinct values, lengths and frequent values of a string column. Exact counts per value
// while there are at most `limit` distinct values; past it a HyperLogLog for distinct and
// Misra-Gries heavy hitters for the most frequent values.
class StringCounter {
public:
    bool exact() const { return m_approximate == nullptr; }
    const StringCountMap &exactCounts() const { return m_exact; }
    // Exact counts, or the heavy hitters' lower bounds once approximate.
    const StringCountMap &frequentCounts() const
    {
        return m_approximate ? m_approximate->frequent.counters() : m_exact;
    }
    std::uint64_t distinct() const;
    // Sum over all values of their length in code points.
    std::uint64_t lengthSum() const { return m_lengthSum; }

    void add(std::string_view value, std::uint64_t count);
    void checkLimit(std::size_t limit)
    {
        if (!m_approximate && m_exact.size() > limit)
            becomeApproximate();
    }
    void merge(const StringCounter &other, std::size_t limit);

private:
    struct Approximate {
        HyperLogLog distinct;
        HeavyHitters frequent;
    };
    void becomeApproximate();

    StringCountMap m_exact;
    std::unique_ptr<Approximate> m_approximate;
    std::uint64_t m_lengthSum = 0;
};

// Number of UTF-8 code points (bytes that do not continue a sequence).
inline std::uint64_t codePoints(std::string_view text)
{
    std::uint64_t n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80;
    return n;
}

} // namespace assay::stats
