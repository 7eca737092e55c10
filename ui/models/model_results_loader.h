#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "models/model_results.h"

#include <filesystem>
#include <string>

namespace assay::ui {

// Reads one model run of the workspace at `root` on the calling thread (a worker): the run,
// its evaluations and test results from the content store, its class labels and its
// per-round curves. A missing or unreadable artifact is not an error: the results say why
// that part is absent. Errors: the run cannot be read; Cancelled when `progress` asks.
Result<ModelResults> loadModelResults(const std::filesystem::path &root, const std::string &runId,
                                      const Progress &progress = {});

} // namespace assay::ui
