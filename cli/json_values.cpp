#include "json_values.h"

#include <QString>

#include <cmath>

namespace assay::cli {

QJsonValue numberOrNull(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

QJsonValue cellToJson(const table::Column &column, std::size_t row)
{
    if (column.isMissing(row))
        return {};
    switch (column.type()) {
    case table::ColumnType::Bool:
        return column.bools()[row] != 0;
    case table::ColumnType::Int:
        return static_cast<qint64>(column.ints()[row]);
    case table::ColumnType::Float:
        return numberOrNull(column.floats()[row]);
    case table::ColumnType::Datetime:
    case table::ColumnType::String:
        return QString::fromStdString(column.format(row));
    }
    return {};
}

} // namespace assay::cli
