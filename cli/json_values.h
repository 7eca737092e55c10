#pragma once

#include "table/column.h"

#include <QJsonValue>

namespace assay::cli {

// A cell as a typed JSON value: numbers as numbers, booleans, text and ISO datetimes as
// strings, missing (and NaN) as null.
QJsonValue cellToJson(const table::Column &column, std::size_t row);

// A double as JSON, NaN and infinities as null (JSON has no literal for them).
QJsonValue numberOrNull(double value);

} // namespace assay::cli
