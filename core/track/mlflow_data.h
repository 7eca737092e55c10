#pragma once

#include "track/run_record.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace assay::track {

struct MlflowExperiment {
    std::string name;
    std::int64_t createdMs = 0;
    bool deleted = false;
};

// One MLflow run as read: the record (latest metrics filled in, origin "mlflow") and every
// metric point in logging order.
struct MlflowRun {
    RunRecord record;
    std::map<std::string, std::vector<MetricPoint>> history;
};

// What an MLflow store holds, in memory, before anything is written.
struct MlflowData {
    std::vector<MlflowExperiment> experiments;
    std::vector<MlflowRun> runs;
};

// MLflow's "latest" point of a series (replacesLatest's rule); `points` must not be empty.
MetricPoint latestPoint(const std::vector<MetricPoint> &points);

// Fills name, user, git commit, parent and command from MLflow's system tags where the
// run's own fields left them empty, and latestMetrics from the history.
void completeFromTags(MlflowRun &run);

// Every regular file below `dir` as a '/'-joined relative path, sorted; empty when `dir`
// is not a folder.
std::vector<std::string> relativeFilesBelow(const std::filesystem::path &dir);

} // namespace assay::track
