#pragma once

#include <QColor>
#include <QIcon>

namespace assay::ui {

// The small rounded square that stands for a run (its colour) beside its name in tables and
// lists. Icons are cached per colour; GUI thread only.
QIcon runSwatch(const QColor &color);

} // namespace assay::ui
