#pragma once

#include "common/theme.h"
#include "track/run_record.h"

#include <QString>

namespace assay::ui {

// "850 ms", "12.3 s", "4 min 05 s", "2 h 17 min", "3 d 4 h".
QString formatRunDuration(qint64 milliseconds);
// Local time, "2024-03-05 14:07".
QString formatRunStart(qint64 epochMs);
// "2024-03-05 14:07:31 (3 h ago)" for tooltips.
QString describeRunStart(qint64 epochMs, qint64 nowMs);
// RUNNING amber, FINISHED green, FAILED red, KILLED and SCHEDULED grey.
StatusTone runStatusTone(track::RunStatus status);
// The first 8 hex digits of a commit, with "+" when the working tree was dirty.
QString shortCommit(const track::RunInfo &info);

} // namespace assay::ui
