#pragma once

#include "track/run_record.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <string>
#include <vector>

namespace assay::cli {

// A metric value as JSON: finite numbers as numbers; NaN and ±inf as the strings "NaN",
// "Infinity" and "-Infinity" (what Python's json module and MLflow's REST API write),
// so no value is lost and every document stays valid JSON.
QJsonValue metricToJson(double value);

// The run as `assay runs list --json` prints it: run_id, experiment, name, status,
// start_time, end_time (ms or null), params, metrics (latest value per key), tags.
QJsonObject runSummaryToJson(const track::RunRecord &run);
// The same summaries as one JSON array, written directly (fast for many runs).
std::string runSummariesJsonText(const std::vector<track::RunRecord> &runs);

// The summary plus user, git_commit, parent_run_id, deleted, origin, metric steps,
// artifacts and datasets, for `assay runs show --json`.
QJsonObject runDetailToJson(const track::RunRecord &run);

QJsonArray metricHistoryToJson(const std::vector<track::MetricPoint> &points);

} // namespace assay::cli
