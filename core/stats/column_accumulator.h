#pragma once

#include "stats/numeric_moments.h"
#include "stats/profile.h"
#include "stats/string_counter.h"
#include "stats/value_counter.h"
#include "table/column.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace assay::stats {

// The widest of two chunk types for one column: int + float -> float, any other mix -> string.
table::ColumnType widerType(table::ColumnType a, table::ColumnType b);

// The running profile of one column over the chunks seen so far. A chunk without values
// (the reader types an all-missing chunk as float) only adds to `missing`; a chunk of another
// type widens the column (int -> float re-keys the exact counts; anything -> string formats
// the kept values as Column::format() writes them).
class ColumnAccumulator {
public:
    ColumnAccumulator() = default;
    explicit ColumnAccumulator(bool asText) : m_asText(asText) {}

    void add(const table::Column &column);
    void merge(ColumnAccumulator &&other);
    ColumnProfile finish(const std::string &name) const;

    // Became a string column after its exact numbers or datetimes had been given up.
    bool lostValuesToText() const { return m_lostValuesToText; }

private:
    void widenTo(table::ColumnType type);
    void addFloats(const table::Column &column);
    void addInts(const table::Column &column, table::ColumnType as);
    void addBools(const table::Column &column);
    void addStrings(const table::Column &column);
    void addAsText(const table::Column &column);
    void finishNumbers(ColumnProfile &profile) const;
    void finishStrings(ColumnProfile &profile) const;

    bool m_asText = false;
    std::optional<table::ColumnType> m_type;      // set by the first chunk that has values
    std::optional<table::ColumnType> m_emptyType; // the first chunk's type, for all-missing columns
    std::uint64_t m_count = 0;
    std::uint64_t m_missing = 0;

    NumericMoments m_moments;                    // int, float
    NumericValueCounter m_numbers;               // int, float, datetime
    std::int64_t m_minTime = std::numeric_limits<std::int64_t>::max();
    std::int64_t m_maxTime = std::numeric_limits<std::int64_t>::min();
    std::uint64_t m_trues = 0;                   // bool
    std::uint64_t m_falses = 0;
    StringCounter m_strings;                     // string
    bool m_lostValuesToText = false;
    std::vector<std::uint64_t> m_scratchKeys; // one chunk's keys and values, reused
    std::vector<double> m_scratchValues;
};

} // namespace assay::stats
