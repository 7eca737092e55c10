#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::demo {

// Where the demo's simulated production logs go, one JSON Lines file per ISO week.
inline constexpr const char *kDemoLogsFolder = "monitoring/logs";
inline constexpr const char *kDemoReferenceFile = "monitoring/reference.csv";
inline constexpr int kDemoLogWeeks = 8;
inline constexpr int kDemoFirstDriftedWeek = 5; // 1-based
inline constexpr int kDemoLabelledWeeks = 6;    // labels arrive for the first six weeks only

// Eight weeks of production prediction logs of the registered model credit-risk (its
// production version, else its champion): applicants drawn like the training data for four
// weeks, then a population drifting on (older, lower incomes, more missing scores, a new loan
// purpose); the model's real scores; the true outcomes as separate label records with the same
// ids, arriving days later (so often in a later file), for the first six weeks. The lines mix
// the shapes serving systems write: flat records, Fluentd lines, CloudEvents, KServe V2 and
// MLflow dataframe_split batches. Then configures the monitor (weekly windows) and ingests them.
// The logs and the reference are versioned like the demo's data (DVC pointers); returns the
// files the caller stages for its next commit. Call after the registry holds the model.
Result<std::vector<std::string>> recordDemoMonitoring(workspace::Workspace &workspace, std::uint64_t seed,
                                                      const Progress &progress = {});

} // namespace assay::demo
