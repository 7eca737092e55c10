#pragma once

#include "common/progress.h"
#include "common/result.h"

namespace assay::workspace {
class Workspace;
}

namespace assay::demo {

// Computes the explanations the Explain area opens on and caches them in the workspace,
// attached to their runs (as `assay explain` would): for the boosted credit model TreeSHAP of
// the first 1000 rows, LIME of 20 rows, permutation importance and partial dependence of its 4
// most important features; KernelSHAP of 10 rows for the logistic regression. Needs the models
// of recordDemoModels.
Status recordDemoExplanations(workspace::Workspace &workspace, const Progress &progress = {});

} // namespace assay::demo
