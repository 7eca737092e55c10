#include "validate/schema.h"

#include <algorithm>
#include <utility>

namespace assay::validate {

const ColumnSchema *Schema::column(std::string_view name) const
{
    const auto it = std::find_if(columns.begin(), columns.end(),
                                 [&](const ColumnSchema &c) { return c.name == name; });
    return it == columns.end() ? nullptr : &*it;
}

ColumnSchema *Schema::column(std::string_view name)
{
    return const_cast<ColumnSchema *>(std::as_const(*this).column(name));
}

bool typeHasRange(table::ColumnType type)
{
    return type == table::ColumnType::Int || type == table::ColumnType::Float;
}

bool typeHasDomain(table::ColumnType type)
{
    return type == table::ColumnType::String || type == table::ColumnType::Bool ||
           type == table::ColumnType::Int;
}

} // namespace assay::validate
