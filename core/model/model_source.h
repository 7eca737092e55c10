#pragma once

#include "common/result.h"
#include "model/model_document.h"

#include <string_view>

namespace assay::workspace {
class Workspace;
}

namespace assay::model {

// Where a trained run keeps its model in the content store.
inline constexpr std::string_view kModelArtifactPath = "model/model.json";
// Its evaluations (see training_run.h) and model test results (model_test_json.h).
inline constexpr std::string_view kEvaluationArtifactPath = "model/evaluation.json";
inline constexpr std::string_view kModelTestsArtifactPath = "model/tests.json";

// True for what looks like a run id (32 lowercase hex digits) rather than a file name.
bool looksLikeRunId(std::string_view text);

// Opens a model as the user names it: the path of an Assay model document or an XGBoost JSON
// model, or else a run as `assay runs show` takes it (a full id, a unique prefix of 6 or more
// characters, or a unique run name), whose model artifact is read from the workspace's content
// store and checked against its md5. `workspace` may be null when no workspace is open; a run
// id then is an error that says so. Fills the result's runId (for a run) and md5.
Result<LoadedModel> openModel(std::string_view source, workspace::Workspace *workspace);

} // namespace assay::model
