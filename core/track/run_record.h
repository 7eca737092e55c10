#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace assay::track {

// MLflow's run states; `assay run` uses Running, Finished, Failed (non-zero exit) and Killed.
enum class RunStatus { Running, Scheduled, Finished, Failed, Killed };

// "RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED": as stored and as MLflow writes them.
std::string_view statusName(RunStatus status);
std::optional<RunStatus> statusFromName(std::string_view name);

// One point of a metric series. NaN and ±inf are kept exactly.
struct MetricPoint {
    std::int64_t step = 0;
    std::int64_t timestampMs = 0;
    double value = 0;
};

// A dataset a run read, as DVC knows it.
struct DatasetInput {
    std::string name;
    std::string path;
    std::string md5;                // from the DVC pointer, when tracked
    std::string revision;           // the git commit the run saw
    std::string context = "training"; // training, validation, test or other
};

// A file a run produced, its bytes in the content store.
struct Artifact {
    std::string path; // relative to the run's artifact root, '/'-separated
    std::string md5;
    std::uint64_t size = 0;
};

// What identifies and describes a run (the `runs` table).
struct RunInfo {
    std::string runId;      // 32 lowercase hex digits
    std::string experiment; // experiment name
    std::string name;
    RunStatus status = RunStatus::Running;
    std::optional<std::int64_t> startMs;
    std::optional<std::int64_t> endMs;
    std::string user;
    std::optional<std::string> gitCommit;
    std::optional<bool> gitDirty;
    std::optional<std::string> command;
    std::optional<std::string> parentRunId; // nested runs, e.g. cross-validation folds
    bool deleted = false;
    std::string origin = "assay"; // or "mlflow" when imported
};

// A run with everything it logged except the metric histories (latest value per key).
struct RunRecord {
    RunInfo info;
    std::map<std::string, std::string> params;
    std::map<std::string, std::string> tags;
    std::map<std::string, MetricPoint> latestMetrics;
    std::vector<Artifact> artifacts;
    std::vector<DatasetInput> datasets;
};

// Every param, metric and tag key that any of `runs` has (of one experiment, when given),
// sorted: the columns of a table of runs.
struct RunKeys {
    std::set<std::string> params;
    std::set<std::string> metrics;
    std::set<std::string> tags;
};
RunKeys keysOf(const std::vector<RunRecord> &runs,
               std::optional<std::string_view> experiment = std::nullopt);

} // namespace assay::track
