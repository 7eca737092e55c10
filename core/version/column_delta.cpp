#include "version/column_delta.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace assay::version {

namespace {

using table::Column;
using table::ColumnType;

bool isNumeric(ColumnType type)
{
    return type == ColumnType::Int || type == ColumnType::Float;
}

double meanOf(const Column &column)
{
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t row = 0; row < column.size(); ++row) {
        const double value = column.numeric(row);
        if (!std::isnan(value)) {
            sum += value;
            ++count;
        }
    }
    return count ? sum / static_cast<double>(count) : std::numeric_limits<double>::quiet_NaN();
}

double missingShare(const Column &column)
{
    return column.size() ? static_cast<double>(column.missingCount()) / column.size() : 0.0;
}

// Exact count of distinct present values, on a sorted copy of their bit patterns.
std::int64_t distinctCount(const Column &column)
{
    std::vector<std::uint64_t> keys;
    keys.reserve(column.size());
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (column.isMissing(row))
            continue;
        switch (column.type()) {
        case ColumnType::Bool:
            keys.push_back(column.bools()[row]);
            break;
        case ColumnType::Int:
        case ColumnType::Datetime:
            keys.push_back(static_cast<std::uint64_t>(column.ints()[row]));
            break;
        case ColumnType::Float: {
            const double value = column.floats()[row];
            if (!std::isnan(value))
                keys.push_back(std::bit_cast<std::uint64_t>(value == 0.0 ? 0.0 : value));
            break;
        }
        case ColumnType::String:
            keys.push_back(column.codes()[row]);
            break;
        }
    }
    std::sort(keys.begin(), keys.end());
    return std::unique(keys.begin(), keys.end()) - keys.begin();
}

} // namespace

ColumnDelta columnDelta(const Column &a, const Column &b)
{
    ColumnDelta delta;
    delta.name = a.name();
    delta.meanDelta = isNumeric(a.type()) && isNumeric(b.type())
                          ? meanOf(b) - meanOf(a)
                          : std::numeric_limits<double>::quiet_NaN();
    delta.missingShareDelta = missingShare(b) - missingShare(a);
    delta.distinctDelta = distinctCount(b) - distinctCount(a);
    return delta;
}

} // namespace assay::version
