#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "track/mlflow_data.h"
#include "workspace/database.h"

#include <filesystem>

namespace assay::track {

struct MlflowImportReport {
    std::size_t experiments = 0;
    std::size_t created = 0; // runs new to the workspace
    std::size_t updated = 0; // runs imported before, their rows replaced
    std::size_t metricPoints = 0;
};

// Reads a file store when `source` is a folder, an SQLite database when it is a file
// (a `sqlite:///` prefix is accepted). A project folder holding mlruns/ or mlflow.db
// (and no experiment 0 of its own) means that store.
Result<MlflowData> readMlflow(const std::filesystem::path &source);

// Writes runs into the migration-4 tables, one transaction per run: the run row is
// upserted and its params, tags, metrics, latest metrics and artifact rows replaced, so
// importing again updates instead of duplicating. Experiments are matched by name.
// Parents are written before their children; a parent missing from both the data and
// the workspace leaves parent_run_id empty (the mlflow.parentRunId tag stays).
Result<MlflowImportReport> writeMlflowRuns(workspace::Database &db, MlflowData data,
                                           const Progress &progress = {});

// readMlflow then writeMlflowRuns.
Result<MlflowImportReport> importMlflow(workspace::Database &db,
                                        const std::filesystem::path &source,
                                        const Progress &progress = {});

} // namespace assay::track
