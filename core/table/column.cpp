#include "table/column.h"

#include "table/datetime_parse.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace assay::table {

std::size_t Column::size() const
{
    switch (m_type) {
    case ColumnType::Bool:
        return m_bools.size();
    case ColumnType::Int:
    case ColumnType::Datetime:
        return m_ints.size();
    case ColumnType::Float:
        return m_floats.size();
    case ColumnType::String:
        return m_codes.size();
    }
    return 0;
}

std::size_t Column::missingCount() const
{
    return static_cast<std::size_t>(std::count(m_missing.begin(), m_missing.end(), 1));
}

double Column::numeric(std::size_t row) const
{
    if (isMissing(row))
        return std::numeric_limits<double>::quiet_NaN();
    switch (m_type) {
    case ColumnType::Bool:
        return m_bools[row] ? 1.0 : 0.0;
    case ColumnType::Int:
    case ColumnType::Datetime:
        return static_cast<double>(m_ints[row]);
    case ColumnType::Float:
        return m_floats[row];
    case ColumnType::String:
        break;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

std::string_view Column::text(std::size_t row) const
{
    if (m_type != ColumnType::String || isMissing(row))
        return {};
    return m_dictionary[m_codes[row]];
}

std::string Column::format(std::size_t row) const
{
    if (isMissing(row))
        return {};
    char buffer[32];
    switch (m_type) {
    case ColumnType::Bool:
        return m_bools[row] ? "true" : "false";
    case ColumnType::Int: {
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, m_ints[row]);
        return std::string(buffer, result.ptr);
    }
    case ColumnType::Float: {
        const double value = m_floats[row];
        if (std::isnan(value))
            return {};
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
        return std::string(buffer, result.ptr);
    }
    case ColumnType::Datetime:
        return formatIsoDatetime(m_ints[row]);
    case ColumnType::String:
        return std::string(text(row));
    }
    return {};
}

} // namespace assay::table
