#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "table/table.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace assay::version {

struct DiffOptions {
    std::vector<std::string> keyColumns; // empty: rows compared as multisets of whole rows
    std::size_t limit = 1000;            // how many row changes to list (counts are always full)
};

struct RetypedColumn {
    std::string column;
    table::ColumnType from;
    table::ColumnType to;
};

struct SchemaDiff {
    std::vector<std::string> added;   // in B, not in A (B's order)
    std::vector<std::string> removed; // in A, not in B (A's order)
    std::vector<RetypedColumn> retyped;
};

constexpr std::size_t kNoRow = std::numeric_limits<std::size_t>::max();

// A changed row, by position in A and B (kNoRow on the side where it does not exist).
struct RowChange {
    enum class Op { Add, Remove, Modify };
    Op op;
    std::size_t rowA = kNoRow;
    std::size_t rowB = kNoRow;
    std::vector<std::string> changedColumns; // Modify only: shared columns whose value differs
};

struct ColumnDelta {
    std::string name;
    double meanDelta;              // B − A; NaN unless numeric in both
    double missingShareDelta;      // B − A, shares in [0, 1]
    std::int64_t distinctDelta;    // B − A, exact counts of distinct present values
};

struct TableDiff {
    SchemaDiff schema;
    std::uint64_t added = 0;
    std::uint64_t removed = 0;
    std::uint64_t modified = 0;  // keyed diffs only
    std::uint64_t unchanged = 0;
    std::vector<RowChange> changes; // first `limit`, in B's row order, then removals in A's
    std::vector<ColumnDelta> columns; // shared columns, in A's order
};

// Compares two tables. With keys, rows are matched by key (the keys must exist in both and
// be unique in each: the error names the first duplicate); modified rows list the shared
// columns whose values differ (missing equals missing; retyped columns compare as text).
// Without keys, rows are compared as multisets over the shared columns (duplicates count).
Result<TableDiff> diffTables(const table::Table &a, const table::Table &b,
                             const DiffOptions &options, const Progress &progress = {});

} // namespace assay::version
