#pragma once

#include <QColor>
#include <QString>

namespace assay::ui {

// The colour of a run in every table, chart and panel: one of twelve colour-blind-safe
// colours, chosen from the run id alone so it never changes between views or sessions.
QColor runColor(const QString &runId);

} // namespace assay::ui
