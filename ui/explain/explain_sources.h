#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/explain_job.h"
#include "explain/explained_data.h"
#include "explain/explanation_store.h"

#include <QString>

#include <filesystem>
#include <memory>

namespace assay::ui {

struct ExplainChoice;

// A model and the data to explain, read once on a worker thread and shared (read-only) by
// the dialog's defaults and the computation that follows.
struct ExplainSources {
    explain::ExplainedData data;
    explain::ExplainInputs inputs; // points into `data`
};

// Reads the choice's model (`model::openModel` on its run, which fills the run id and md5)
// and data (`explain::readExplainedData`, as `assay explain` does). Errors name the run or
// the file.
Result<std::shared_ptr<const ExplainSources>> readExplainSources(const std::filesystem::path &root,
                                                                 const ExplainChoice &choice,
                                                                 const Progress &progress = {});

// The result of one Explain… request.
struct ComputedExplanation {
    explain::ExplanationEntry entry;
    bool cached = false; // the workspace had it already: nothing was computed
};

// Looks the request up in the workspace's explanation cache and, when it is not there, runs
// it and saves it. A cancelled or failed computation saves nothing.
Result<ComputedExplanation> computeExplanation(const std::filesystem::path &root,
                                               const ExplainSources &sources,
                                               const ExplainChoice &choice,
                                               const Progress &progress = {});

} // namespace assay::ui
