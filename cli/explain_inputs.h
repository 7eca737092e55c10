#pragma once

#include "command.h"
#include "common/result.h"
#include "explain/explain_job.h"
#include "table/table.h"
#include "workspace/workspace.h"

#include <memory>
#include <optional>

namespace assay::cli {

// What `assay explain` reads before it explains: the workspace (when one is open), the model
// (--model, with the md5 of its document bytes and its run) or the external program
// (--predict-cmd), and the data (--data, with the md5 of the dataset version).
struct ExplainSources {
    std::optional<workspace::Workspace> workspace;
    std::unique_ptr<table::Table> data; // ExplainInputs points into it
    explain::ExplainInputs inputs;
};

Result<ExplainSources> readExplainSources(const CommandContext &context);

} // namespace assay::cli
