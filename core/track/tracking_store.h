#pragma once

#include "common/result.h"
#include "track/run_record.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace assay::workspace {
class Database;
class Workspace;
} // namespace assay::workspace

namespace assay::track {

// One point of a batch that mixes metric keys (ASSAY_LOG_FILE ingestion).
struct KeyedMetricPoint {
    std::string key;
    MetricPoint point;
};

// The experiment-tracking store in the workspace database (.assay/assay.db), artifacts in the
// content store (.dvc/cache/files/md5). Several processes may write to one run at once: every
// write is one transaction that is retried while another process holds the write lock.
// Does not own the database; the Workspace must outlive the store.
class TrackingStore {
public:
    static Result<TrackingStore> open(workspace::Workspace &workspace);

    // MLflow's default experiment, used when a run names none.
    static constexpr std::string_view kDefaultExperiment = "Default";

    // Creates the experiment; InvalidInput when the name is taken. Returns its id.
    Result<std::int64_t> createExperiment(const std::string &name);
    // NotFound when there is no experiment of that name.
    Result<std::int64_t> experimentId(const std::string &name);
    // The experiment's id, creating it when missing (safe when processes race).
    Result<std::int64_t> ensureExperiment(const std::string &name);

    // Inserts a run. Fills what `info` leaves empty: runId (new random id), experiment
    // (Default), startMs (now) and user ($USER). Returns the run id.
    Result<std::string> startRun(RunInfo info);
    // Sets the final status and end time (now when unset).
    Status finishRun(const std::string &runId, RunStatus status,
                     std::optional<std::int64_t> endMs = std::nullopt);

    // Params never change once logged: the same value again is fine, another value is an
    // InvalidInput error naming the key (MLflow's rule).
    Status logParam(const std::string &runId, const std::string &key, const std::string &value);
    // Tags are overwritten.
    Status logTag(const std::string &runId, const std::string &key, const std::string &value);
    // Appends points to one series and updates the latest value, in one transaction.
    Status logMetrics(const std::string &runId, const std::string &key,
                      std::span<const MetricPoint> points);
    Status logMetric(const std::string &runId, const std::string &key, const MetricPoint &point);
    // Appends points of several series in one transaction.
    Status logMetricBatch(const std::string &runId, std::span<const KeyedMetricPoint> points);

    // Stores the file in the content store and records it under `artifactPath` ('/'-separated,
    // relative to the run's artifact root); logging the same path again replaces the record.
    Result<Artifact> logArtifact(const std::string &runId, const std::filesystem::path &file,
                                 const std::string &artifactPath);
    Result<Artifact> logArtifactBytes(const std::string &runId, std::string_view bytes,
                                      const std::string &artifactPath);
    // Records a dataset input; the same name and context again replaces the record.
    Status logDataset(const std::string &runId, const DatasetInput &dataset);

    // NotFound naming the id when there is no such run.
    Result<RunRecord> run(const std::string &runId);
    // Every point of one series, ordered by step, then timestamp, then logging order.
    Result<std::vector<MetricPoint>> metricHistory(const std::string &runId,
                                                   const std::string &key);
    // NotFound naming the id when there is no such run; otherwise the run's status.
    Result<RunStatus> runStatus(const std::string &runId);

    const std::filesystem::path &root() const { return m_root; }

private:
    TrackingStore(workspace::Database *database, std::filesystem::path root)
        : m_database(database), m_root(std::move(root))
    {
    }

    Status requireRun(const std::string &runId);
    // authorize(WriteRun) once per store, so logging a metric does not re-check the users.
    Status requireWriteAccess();
    Result<Artifact> recordArtifact(const std::string &runId, Artifact artifact);

    workspace::Database *m_database;
    std::filesystem::path m_root;
    bool m_writeAllowed = false;
};

} // namespace assay::track
