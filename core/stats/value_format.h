#pragma once

#include "table/column_type.h"

#include <cstdint>
#include <string>

namespace assay::stats {

// A double as Column::format() writes it: the shortest form that reads back the same.
std::string formatDouble(double value);
// A kept 64-bit key of a column of `type` (int, float bits or datetime ns) as Column::format()
// writes the value.
std::string formatKey(std::uint64_t key, table::ColumnType type);

} // namespace assay::stats
