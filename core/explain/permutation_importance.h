#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/predictor.h"
#include "model/feature_matrix.h"
#include "model/task.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace assay::explain {

struct PermutationOptions {
    std::size_t repeats = 5;
    std::string metric; // a metric of model::evaluate; empty: accuracy (classification), r2 (regression)
    std::uint64_t seed = 0;
};

struct FeatureImportance {
    std::size_t feature = 0;
    double mean = 0; // mean drop of the metric when the feature is shuffled (a loss: its rise)
    double std = 0;  // population std over the repeats, as sklearn reports it
    std::vector<double> drops; // one per repeat
};

struct PermutationImportance {
    std::string metric;
    double baseline = 0;
    std::vector<FeatureImportance> features; // in the model's feature order
};

// Permutation importance (Breiman 2001; sklearn.inspection.permutation_importance): the drop
// of `metric` when one feature's column is shuffled, `repeats` times per feature, each
// shuffle seeded from (seed, feature, repeat). Metrics where lower is better (log_loss,
// brier, rmse, mae, mape) count their rise as the drop. `y` is encoded as model::encodeTarget
// does. InvalidInput names an unknown metric or one that does not fit the task.
Result<PermutationImportance> permutationImportance(Predictor &predictor, model::Task task,
                                                    std::size_t classCount,
                                                    const model::FeatureMatrix &x,
                                                    std::span<const double> y,
                                                    const PermutationOptions &options,
                                                    const Progress &progress = {});

} // namespace assay::explain
