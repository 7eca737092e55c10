#pragma once

#include "stats/profile.h"

#include <QStringList>

namespace assay::ui {

// What deserves a look in a profiled column: no values at all, many missing (≥ 10 %), many
// zeros (≥ 50 % of a number column), a single value. Sentences for a tooltip; empty when
// the column looks healthy.
QStringList columnProblems(const stats::ColumnProfile &column);

// The problem behind one statistic, for colouring that cell.
bool hasManyMissing(const stats::ColumnProfile &column);
bool hasManyZeros(const stats::ColumnProfile &column);
bool isConstant(const stats::ColumnProfile &column);

} // namespace assay::ui
