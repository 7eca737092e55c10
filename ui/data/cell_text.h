#pragma once

#include "table/column.h"

#include <QString>
#include <QVariant>

#include <cstddef>

namespace assay::ui {

// How the workbench writes one table value; shared by every model that shows cells.
// Compact: numbers with 4 significant digits, datetimes as ISO dates when at midnight,
// missing values as "—".
QString cellDisplayText(const table::Column &column, std::size_t row);
// Full precision, for tooltips and copying; "" when missing.
QString cellFullText(const table::Column &column, std::size_t row);
// The "—" that stands for a missing value.
const QString &missingCellText();

bool isNumericType(table::ColumnType type);

// A column header as every table shows it: "name\ntype", "name (type)" in the tooltip,
// aligned like the column's values.
QVariant typedHeaderData(const table::Column &column, int role);

} // namespace assay::ui
