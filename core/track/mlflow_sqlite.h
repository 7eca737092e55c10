#pragma once

#include "common/result.h"
#include "track/mlflow_data.h"

#include <filesystem>

namespace assay::track {

// Reads an MLflow SQLite tracking database (formats.md part 2b): experiments, runs,
// params, tags and every metric point. NaN comes back from is_nan and ±1.797e308 as ±inf,
// undoing MLflow's encoding. Artifact paths are listed when the run's artifact folder is
// on this machine (relative URIs are taken from the database's folder). The file is
// copied first and the copy read, so MLflow's database is never changed.
Result<MlflowData> readMlflowSqlite(const std::filesystem::path &database);

} // namespace assay::track
