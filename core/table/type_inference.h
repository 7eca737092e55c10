#pragma once

#include "table/column_type.h"

#include <cstdint>
#include <string_view>

namespace assay::table {

// A column's type while it is being inferred: Unknown until a non-missing value shows up.
enum class InferredType : std::uint8_t { Unknown, Bool, Int, Float, Datetime, String };

// The narrowest type that holds values of both: int+float is float, any other mix is string.
InferredType joinTypes(InferredType a, InferredType b);

// The type a single (non-missing) CSV field reads as: int, float (including ints beyond
// int64), bool, datetime, else string.
InferredType classifyField(std::string_view text);

// Whether `text` reads as a value of `type`; missing tokens fit every type.
bool fieldFitsType(std::string_view text, InferredType type);

// An all-missing column becomes float, as in pandas.
ColumnType toColumnType(InferredType type);

} // namespace assay::table
