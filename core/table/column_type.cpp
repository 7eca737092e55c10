#include "table/column_type.h"

#include <array>
#include <utility>

namespace assay::table {

namespace {

constexpr std::array<std::pair<ColumnType, std::string_view>, 5> kTypeNames{{
    {ColumnType::Bool, "bool"},
    {ColumnType::Int, "int"},
    {ColumnType::Float, "float"},
    {ColumnType::Datetime, "datetime"},
    {ColumnType::String, "string"},
}};

} // namespace

std::string_view typeName(ColumnType type)
{
    for (const auto &[candidate, name] : kTypeNames)
        if (candidate == type)
            return name;
    return "string";
}

std::optional<ColumnType> typeFromName(std::string_view name)
{
    for (const auto &[type, candidate] : kTypeNames)
        if (candidate == name)
            return type;
    return std::nullopt;
}

} // namespace assay::table
