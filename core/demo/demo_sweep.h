#pragma once

#include "common/result.h"

#include <cstdint>
#include <string>

namespace assay::workspace {
class Workspace;
}

namespace assay::demo {

struct SweepContext {
    std::string gitCommit;  // the commit the runs saw
    std::string datasetMd5; // data/credit.csv as the runs read it
    std::int64_t startMs = 0; // when the first run started
    std::uint64_t seed = 0;
};

// Records a hyper-parameter sweep of a gradient-boosting model on the credit data in the
// workspace's tracking store: 64 runs over learning rate × depth × subsample × min child
// weight with per-round loss and AUC histories, a few diverged runs that failed, and a
// five-fold cross-validation run with its folds nested under it. The learning curves are
// simulated from the hyper-parameters (deterministic for a seed), not trained.
Status recordDemoSweep(workspace::Workspace &workspace, const SweepContext &context);

} // namespace assay::demo
