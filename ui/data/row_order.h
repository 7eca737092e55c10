#pragma once

#include "table/table.h"

#include <Qt>

#include <cstdint>
#include <vector>

namespace assay::ui {

// The rows of `table` in the order that shows column `column` sorted: a stable permutation
// of 0..rowCount()-1 (equal values keep their file order). Missing values (and NaN floats)
// come last in both orders; strings compare by their UTF-8 bytes. Pure and thread-safe, so
// it runs on a worker; O(n log n) over the typed vector, without a QVariant per row.
std::vector<std::uint32_t> sortedRowOrder(const table::Table &table, std::size_t column,
                                          Qt::SortOrder order);

} // namespace assay::ui
