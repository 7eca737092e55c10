#pragma once

#include <QModelIndexList>
#include <QString>

namespace assay::ui {

// The cells in `selection` as tab-separated text: one line per row, spanning the bounding
// rectangle of the selection (cells inside it that are not selected stay empty), values
// taken from `role`. Tabs and newlines inside values become spaces so the grid survives.
QString selectionToTsv(const QModelIndexList &selection, int role);

} // namespace assay::ui
