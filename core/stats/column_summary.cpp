// Turns a column's accumulated state into the ColumnProfile users see: exact quantiles and
// histogram from the kept counts while they exist, else from the sketch.
#include "stats/column_accumulator.h"

#include "stats/distribution.h"
#include "stats/value_format.h"

#include <algorithm>
#include <cmath>

namespace assay::stats {

using table::ColumnType;

namespace {

// Most frequent first; ties in the values' own order (numbers ascending, text bytewise).
template <typename Entry>
void sortByCount(std::vector<Entry> &entries)
{
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
}

struct NumberCount {
    double value;
    std::uint64_t key;
    std::uint64_t count;
};

} // namespace

ColumnProfile ColumnAccumulator::finish(const std::string &name) const
{
    ColumnProfile profile;
    profile.name = name;
    profile.type = m_type ? *m_type : m_emptyType.value_or(ColumnType::Float);
    profile.count = m_count;
    profile.missing = m_missing;
    if (m_count == 0)
        return profile;
    switch (profile.type) {
    case ColumnType::Int:
    case ColumnType::Float:
    case ColumnType::Datetime:
        finishNumbers(profile);
        break;
    case ColumnType::Bool: {
        profile.mean = static_cast<double>(m_trues) / static_cast<double>(m_count);
        std::vector<ValueCount> counts;
        if (m_trues > 0)
            counts.push_back({"true", m_trues});
        if (m_falses > 0)
            counts.push_back({"false", m_falses});
        sortByCount(counts);
        profile.distinct = counts.size();
        profile.top = counts;
        profile.valueCounts = std::move(counts);
        break;
    }
    case ColumnType::String:
        finishStrings(profile);
        break;
    }
    return profile;
}

void ColumnAccumulator::finishNumbers(ColumnProfile &profile) const
{
    const bool datetime = profile.type == ColumnType::Datetime;
    profile.distinct = m_numbers.distinct();
    profile.distinctExact = m_numbers.exact();
    if (datetime) {
        profile.datetimeMin = m_minTime;
        profile.datetimeMax = m_maxTime;
        profile.min = static_cast<double>(m_minTime);
        profile.max = static_cast<double>(m_maxTime);
    } else {
        profile.mean = m_moments.mean;
        if (m_moments.count >= 2)
            profile.std = std::sqrt(m_moments.variance());
        profile.min = m_moments.min;
        profile.max = m_moments.max;
        profile.zeros = m_moments.zeros;
    }
    if (!m_numbers.exact()) {
        profile.quantilesExact = false;
        if (!datetime) {
            const WeightedValues items = m_numbers.sketch()->weightedItems();
            profile.quantiles = rankQuantiles(items);
            profile.histogram = equalWidthHistogram(items, m_moments.min, m_moments.max);
        }
        return;
    }
    std::vector<NumberCount> entries;
    entries.reserve(m_numbers.exactCounts().size());
    const KeyKind kind = m_numbers.keyKind();
    m_numbers.exactCounts().forEach([&](std::uint64_t key, std::uint64_t count) {
        entries.push_back({keyValue(key, kind), key, count});
    });
    std::sort(entries.begin(), entries.end(),
              [](const NumberCount &a, const NumberCount &b) { return a.value < b.value; });
    if (!datetime) {
        WeightedValues sorted;
        sorted.reserve(entries.size());
        for (const auto &entry : entries)
            sorted.emplace_back(entry.value, entry.count);
        profile.quantiles = interpolatedQuantiles(sorted);
        profile.histogram = equalWidthHistogram(sorted, m_moments.min, m_moments.max);
    }
    profile.valueCounts.reserve(entries.size());
    for (const auto &entry : entries)
        profile.valueCounts.push_back({formatKey(entry.key, profile.type), entry.count});
}

void ColumnAccumulator::finishStrings(ColumnProfile &profile) const
{
    profile.distinct = m_strings.distinct();
    profile.distinctExact = m_strings.exact() && !m_lostValuesToText;
    profile.avgLength = static_cast<double>(m_strings.lengthSum()) / static_cast<double>(m_count);
    std::vector<ValueCount> counts;
    counts.reserve(m_strings.frequentCounts().size());
    for (const auto &[value, count] : m_strings.frequentCounts())
        counts.push_back({value, count});
    sortByCount(counts);
    profile.top.assign(counts.begin(), counts.begin() + std::min(counts.size(), kTopValues));
    if (m_strings.exact())
        profile.valueCounts = std::move(counts);
}

} // namespace assay::stats
