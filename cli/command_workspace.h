#pragma once

#include "command.h"
#include "common/result.h"
#include "workspace/workspace.h"

namespace assay::cli {

// The workspace a command works in: --workspace DIR, else the nearest folder from the
// current one upward that holds .assay/; NotFound with a hint when there is none.
Result<workspace::Workspace> openCommandWorkspace(const CommandContext &context);

} // namespace assay::cli
