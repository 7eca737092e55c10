#pragma once

#include "command.h"
#include "common/result.h"
#include "model/feature_matrix.h"
#include "model/model_document.h"
#include "table/reader.h"
#include "workspace/workspace.h"

#include <optional>
#include <string>

namespace assay::cli {

// What the model commands read: a model (run id or file) and a dataset (PATH or PATH@REV).
struct ModelInputs {
    std::optional<workspace::Workspace> workspace; // when one is open or found
    model::LoadedModel model;
    std::string dataName; // as the user named the data
    table::Table data;
    model::FeatureMatrix features; // the model's features, matched by name
};

// The workspace when --workspace names one or the current folder is inside one; nothing
// (not an error) otherwise, so commands on plain files work anywhere.
Result<std::optional<workspace::Workspace>> openOptionalWorkspace(const CommandContext &context);

// Opens --model and reads --data, then builds the model's feature matrix from the data.
Result<ModelInputs> readModelInputs(const CommandContext &context);

} // namespace assay::cli
