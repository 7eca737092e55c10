#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/explanation_bundle.h"
#include "explain/explanation_store.h"

#include <filesystem>
#include <string>
#include <vector>

namespace assay::ui {

// Reads the workspace's explanation cache on a worker thread (each call opens the workspace
// itself: the session's database handle belongs to the GUI thread).

// Every cached explanation, newest first.
Result<std::vector<explain::ExplanationEntry>> listExplanations(const std::filesystem::path &root);

// The explanation `key` names; for a SHAP explanation also the LIME explanations of the same
// model and data. NotFound when the key is no longer cached.
Result<ExplanationBundle> loadExplanationBundle(const std::filesystem::path &root,
                                                const std::string &key,
                                                const Progress &progress = {});

} // namespace assay::ui
