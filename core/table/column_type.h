#pragma once

#include <optional>
#include <string_view>

namespace assay::table {

enum class ColumnType {
    Bool,
    Int,      // int64
    Float,    // double
    Datetime, // int64 nanoseconds since the Unix epoch, UTC
    String,   // UTF-8, dictionary-encoded (categorical)
};

// "bool", "int", "float", "datetime", "string": the names used in JSON and the GUI.
std::string_view typeName(ColumnType type);
std::optional<ColumnType> typeFromName(std::string_view name);

} // namespace assay::table
