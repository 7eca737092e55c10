#pragma once

#include "stats/string_map.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace assay::stats {

// Misra-Gries frequent items with batched decrements: keeps at most 2k counters; when it
// holds more, the (k+1)-th largest count is subtracted from all and the non-positive ones
// go. Every kept count underestimates the true count by at most n / (k + 1); any value more
// frequent than that is kept. Merging two summaries sums counters and prunes the same way
// (Agarwal et al., "Mergeable summaries"), deterministically.
class HeavyHitters {
public:
    static constexpr std::size_t kCounters = 4096;

    void add(std::string_view value, std::uint64_t count);
    void merge(const HeavyHitters &other);
    // The kept values with their (lower-bound) counts.
    const StringCountMap &counters() const { return m_counters; }

private:
    void prune();

    StringCountMap m_counters;
};

} // namespace assay::stats
