#include "table/table.h"

namespace assay::table {

std::optional<std::size_t> Table::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name() == name)
            return i;
    return std::nullopt;
}

} // namespace assay::table
