#pragma once

#include "common/result.h"
#include "track/mlflow_data.h"

#include <filesystem>

namespace assay::track {

// Reads an MLflow file store (`mlruns/`, formats.md part 2a): experiments from
// `<id>/meta.yaml` (and `.trash/`, whose experiments and runs count as deleted), runs from
// `<id>/<run>/meta.yaml` with metrics, params and tags (keys with '/' are sub-folders) and
// the files under the run's artifact folder. Errors name the file and line.
Result<MlflowData> readMlflowFileStore(const std::filesystem::path &root);

// Parses one metric file: lines `timestamp value [step]` (step 0 when absent), values as
// Python's float() reads them (nan, inf, -inf, 1e-05…). Errors read "FILE:LINE: …".
Result<std::vector<MetricPoint>> parseMlflowMetricFile(const std::filesystem::path &file);

} // namespace assay::track
