#pragma once

#include "runs/runs_snapshot.h"

#include <QStringList>

namespace assay::ui {

// Every metric key any of `runIds` logged, sorted.
QStringList metricKeysOf(const RunsSnapshot &snapshot, const QStringList &runIds);

// The metric to show first among `candidates`: a validation loss before any other loss before
// the rest, the plainest (shortest) name first, then by order. Empty when there are none.
QString preferredMetricKey(const QStringList &candidates);

// The metric to chart first: the preferred among the keys every run with metrics shares (or
// all keys when they share none). Empty when the runs logged nothing.
QString defaultMetricKey(const RunsSnapshot &snapshot, const QStringList &runIds);

// What the legend and read-out call a run: its name, or the start of its id.
QString runDisplayName(const track::RunRecord &run);

} // namespace assay::ui
