#pragma once

#include "stats/profile.h"

#include <cmath>
#include <string>
#include <vector>

namespace assay::testing {

// A column profile built by hand from exact value counts, as the profiler would report it
// for a column with few distinct values; `rows` includes the missing ones.
inline stats::ColumnProfile columnOf(std::string name, table::ColumnType type, std::uint64_t rows,
                                     std::vector<stats::ValueCount> counts)
{
    stats::ColumnProfile column;
    column.name = std::move(name);
    column.type = type;
    for (const auto &entry : counts)
        column.count += entry.count;
    column.missing = rows - column.count;
    column.distinct = counts.size();
    const bool numeric = type == table::ColumnType::Int || type == table::ColumnType::Float ||
                         type == table::ColumnType::Bool;
    if (numeric && column.count > 0) {
        double sum = 0, min = INFINITY, max = -INFINITY;
        for (const auto &entry : counts) {
            const double value = entry.value == "true"    ? 1
                                 : entry.value == "false" ? 0
                                                          : std::stod(entry.value);
            sum += value * static_cast<double>(entry.count);
            min = std::min(min, value);
            max = std::max(max, value);
        }
        const double mean = sum / static_cast<double>(column.count);
        double squares = 0;
        for (const auto &entry : counts) {
            const double value = entry.value == "true"    ? 1
                                 : entry.value == "false" ? 0
                                                          : std::stod(entry.value);
            squares += (value - mean) * (value - mean) * static_cast<double>(entry.count);
        }
        column.mean = mean;
        if (column.count > 1)
            column.std = std::sqrt(squares / static_cast<double>(column.count - 1));
        if (type != table::ColumnType::Bool) {
            column.min = min;
            column.max = max;
        }
    }
    column.valueCounts = std::move(counts);
    return column;
}

// The same column as seen past the exact-count limit: no value counts, distinct estimated.
inline stats::ColumnProfile withoutValueCounts(stats::ColumnProfile column)
{
    column.valueCounts.clear();
    column.distinctExact = false;
    return column;
}

inline stats::DatasetProfile profileOf(std::uint64_t rows,
                                       std::vector<stats::ColumnProfile> columns)
{
    return {"test", rows, std::move(columns)};
}

} // namespace assay::testing
