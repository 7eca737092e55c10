#pragma once

#include <QColor>
#include <QString>

namespace assay::ui {

struct RunsSnapshot;

// The colour of a run in every table, chart and panel: one of twelve colour-blind-safe
// colours. Runs of the open workspace take them in the order they started, so runs near
// each other (a sweep, the folds of a cross-validation) differ in hue; a run not seen yet falls back to a colour hashed from its id.
QColor runColor(const QString &runId);

// Gives every run of `snapshot` its colour. Runs keep theirs when later snapshots add runs
// that started after them; called by the Runs area whenever it reads the runs. Both
// functions are for the GUI thread.
void assignRunColors(const RunsSnapshot &snapshot);

} // namespace assay::ui
