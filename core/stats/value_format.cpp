#include "stats/value_format.h"

#include "table/datetime_parse.h"

#include <bit>
#include <charconv>

namespace assay::stats {

std::string formatDouble(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string formatKey(std::uint64_t key, table::ColumnType type)
{
    switch (type) {
    case table::ColumnType::Float:
        return formatDouble(std::bit_cast<double>(key));
    case table::ColumnType::Datetime:
        return table::formatIsoDatetime(static_cast<std::int64_t>(key));
    default: {
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(key));
        return std::string(buffer, result.ptr);
    }
    }
}

} // namespace assay::stats
