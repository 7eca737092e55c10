#pragma once

#include "common/result.h"
#include "track/run_query.h"
#include "track/run_record.h"

#include <QString>
#include <QStringList>

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace assay::ui {

// Every run of the workspace as the Runs area shows it, read on a worker thread in one go
// (listRuns: four queries whatever the run count) and then shared read-only by the views.
struct RunsSnapshot {
    std::vector<track::RunRecord> runs; // newest start first
    QStringList experiments;            // sorted
    QStringList paramKeys;              // every key any run has, sorted
    QStringList metricKeys;
    QStringList tagKeys;
    // The run of that id, or nullptr.
    const track::RunRecord *find(const std::string &runId) const;
    const track::RunRecord *find(const QString &runId) const { return find(runId.toStdString()); }

    std::unordered_map<std::string, std::size_t> indexById;
};

// The snapshot of `runs` (newest first): the index by id and the sorted key lists.
RunsSnapshot makeRunsSnapshot(std::vector<track::RunRecord> runs);

// Opens the workspace at `root` on the calling thread and reads every run, deleted ones
// included (the views hide them).
Result<RunsSnapshot> loadRunsSnapshot(const std::filesystem::path &root);

} // namespace assay::ui
