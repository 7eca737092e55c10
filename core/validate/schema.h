#pragma once

#include "table/column_type.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::validate {

// What one column of valid data looks like. A person edits these fields (in the JSON file
// or the GUI's schema table), so every field is plain data.
struct ColumnSchema {
    std::string name;
    table::ColumnType type = table::ColumnType::String;
    // Required: the column must be present and no value may be missing. Otherwise the
    // column may be absent (a warning) and at least `minPresence` of the rows need a value.
    bool required = true;
    double minPresence = 1.0; // fraction of rows in [0, 1]; ignored (1) when required
    // Inclusive range of the values; int and float columns only. Empty: unbounded.
    std::optional<double> min;
    std::optional<double> max;
    // The only values allowed, as Column::format() writes them; string, bool and int
    // columns only. Empty: any value.
    std::optional<std::vector<std::string>> domain;

    // The presence validation asks for: 1 when required, else minPresence.
    double effectiveMinPresence() const { return required ? 1.0 : minPresence; }
    bool operator==(const ColumnSchema &) const = default;
};

// Bounds on the number of rows; empty bounds are not checked.
struct RowCountBounds {
    std::optional<std::uint64_t> min;
    std::optional<std::uint64_t> max;
    bool operator==(const RowCountBounds &) const = default;
};

// The expected shape of a dataset. Columns keep the order of the file they were loaded from.
struct Schema {
    static constexpr int kVersion = 1;

    RowCountBounds rowCount;
    std::vector<ColumnSchema> columns;

    // The column with this name, or null.
    const ColumnSchema *column(std::string_view name) const;
    ColumnSchema *column(std::string_view name);
    bool operator==(const Schema &) const = default;
};

// Whether a range (min/max) or a domain may be declared on a column of this type.
bool typeHasRange(table::ColumnType type);
bool typeHasDomain(table::ColumnType type);

} // namespace assay::validate
