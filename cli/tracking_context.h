#pragma once

#include "command.h"
#include "common/result.h"
#include "workspace/workspace.h"

#include <string>

namespace assay::cli {

// The workspace a tracking command writes to: --workspace, else $ASSAY_WORKSPACE (set by
// `assay run` for its child), else the nearest one from the current folder upward.
Result<workspace::Workspace> openTrackingWorkspace(const CommandContext &context);

// The run `assay log ...` writes to: --run ID, else $ASSAY_RUN_ID; InvalidInput with a hint
// when neither is there.
Result<std::string> targetRunId(const CommandContext &context);

} // namespace assay::cli
