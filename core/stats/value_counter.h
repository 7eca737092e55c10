#pragma once

#include "stats/flat_count_map.h"
#include "stats/hyperloglog.h"
#include "stats/quantile_sketch.h"

#include <bit>
#include <cstdint>
#include <memory>

namespace assay::stats {

// How a numeric column's 64-bit keys are read: int64 (ints, datetimes) or double bits.
enum class KeyKind { Int64, Double };

inline double keyValue(std::uint64_t key, KeyKind kind)
{
    return kind == KeyKind::Int64 ? static_cast<double>(static_cast<std::int64_t>(key))
                                  : std::bit_cast<double>(key);
}

inline std::uint64_t doubleKey(double value)
{
    return std::bit_cast<std::uint64_t>(value == 0.0 ? 0.0 : value); // -0 counts as 0
}

// Distinct values of a numeric (or datetime) column and, while there are at most `limit` of
// them, every value's exact count. Past the limit it keeps a HyperLogLog of the values and a
// quantile sketch instead (the exact counts are folded into both, so nothing seen is lost).
class NumericValueCounter {
public:
    explicit NumericValueCounter(KeyKind kind = KeyKind::Double, bool wantsQuantiles = true)
        : m_kind(kind), m_wantsQuantiles(wantsQuantiles) {}

    KeyKind keyKind() const { return m_kind; }
    bool exact() const { return m_approximate == nullptr; }
    const FlatCountMap &exactCounts() const { return m_exact; }
    const QuantileSketch *sketch() const { return m_approximate ? &m_approximate->sketch : nullptr; }
    std::uint64_t distinct() const;

    void add(std::uint64_t key)
    {
        if (!m_approximate) {
            m_exact.add(key);
        } else {
            const double value = keyValue(key, m_kind);
            m_approximate->distinct.add(FlatCountMap::mix(hashKey(key)));
            if (m_wantsQuantiles)
                m_approximate->sketch.add(value);
        }
    }
    void addEach(const std::uint64_t *keys, std::size_t n)
    {
        if (!m_approximate) {
            m_exact.addEach(keys, n);
            return;
        }
        for (std::size_t i = 0; i < n; ++i)
            add(keys[i]);
    }
    // Call after each batch of add(): switches to the estimate once past `limit` values.
    void checkLimit(std::size_t limit)
    {
        if (!m_approximate && m_exact.size() > limit)
            becomeApproximate();
    }
    void merge(const NumericValueCounter &other, std::size_t limit);
    // Re-keys int64 keys as doubles (an int column that turned out to be float).
    void convertToDouble();

private:
    struct Approximate {
        HyperLogLog distinct;
        QuantileSketch sketch;
    };

    // Ints and doubles hash by their double value, so re-keying needs no re-hash.
    std::uint64_t hashKey(std::uint64_t key) const
    {
        return m_kind == KeyKind::Double ? key : doubleKey(keyValue(key, m_kind));
    }
    void becomeApproximate();

    KeyKind m_kind;
    bool m_wantsQuantiles;
    FlatCountMap m_exact;
    std::unique_ptr<Approximate> m_approximate;
};

} // namespace assay::stats
