#pragma once

#include "track/run_record.h"

namespace assay::track {

// MLflow's rule for a metric's latest value: the highest step wins, then the latest
// timestamp, then the largest value (a NaN value never wins that last comparison).
bool replacesLatest(const MetricPoint &candidate, const MetricPoint &latest);

} // namespace assay::track
