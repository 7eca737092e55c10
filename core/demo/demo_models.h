#pragma once

#include "common/progress.h"
#include "common/result.h"

namespace assay::workspace {
class Workspace;
}

namespace assay::demo {

// Where the demo keeps the model tests it runs; committed with the workspace.
inline constexpr const char *kDemoModelTestsPath = "models/credit-model-tests.yaml";

// Trains the demo's models on data/credit.csv as `assay train` would, each recorded as a run:
// gradient boosting with a validation split, logistic regression with 5-fold
// cross-validation, a random forest, and a ridge regression of the interest rate. The model
// tests in kDemoModelTestsPath are run against the boosted model and stored with its run.
Status recordDemoModels(workspace::Workspace &workspace, std::uint64_t seed,
                        const Progress &progress = {});

} // namespace assay::demo
