#pragma once

#include "common/result.h"
#include "track/run_record.h"

#include <span>
#include <string>

namespace assay::workspace {
class Database;
}

namespace assay::track {

struct KeyedMetricPoint;

// Appends points to the `metrics` table and moves `latest_metrics` forward where MLflow's rule
// says so. Call inside a write transaction; the caller has checked that the run exists.
// The hot path of batch logging: one prepared statement, run id and key bound once.
Status appendMetricSeries(workspace::Database &database, const std::string &runId,
                          const std::string &key, std::span<const MetricPoint> points);
Status appendMetricPoints(workspace::Database &database, const std::string &runId,
                          std::span<const KeyedMetricPoint> points);

} // namespace assay::track
