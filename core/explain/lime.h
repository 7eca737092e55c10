#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/predictor.h"
#include "model/feature_matrix.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace assay::explain {

struct LimeOptions {
    std::size_t samples = 5000;
    double kernelWidth = 0;       // 0: 0.75 * sqrt(features)
    std::size_t maxFeatures = 10; // conditions kept per explanation (the largest |weight|)
    double ridgeAlpha = 1.0;      // must be > 0
    std::uint64_t seed = 0;
};

// One condition of a LIME explanation, as a person reads it: "age <= 35", "25 < age <= 35",
// "income > 7.2e+04", "purpose = car".
struct LimeTerm {
    std::size_t feature = 0;
    std::string condition;
    double weight = 0;
};

struct LimeExplanation {
    std::size_t row = 0;    // index into the explained rows
    std::size_t output = 0; // the output explained: the predicted class for multiclass, else 0
    double intercept = 0;
    double localPrediction = 0;  // the local model's value at the row
    double modelPrediction = 0;  // the model's value at the row
    double score = 0;            // the weighted R² of the local fit
    std::vector<LimeTerm> terms; // sorted by decreasing |weight|
};

// LIME for tabular data (Ribeiro et al. 2016): numeric features are discretised into the
// quartiles of `training`, categorical features by category. Perturbed samples draw each
// feature's bin (or category) from its training frequencies and a value within that bin; a
// sample's binary representation says which features keep the row's bin. Samples are weighted
// by an exponential kernel of width kernelWidth on the Euclidean distance of that
// representation to the row, and a weighted ridge regression on it gives the weights.
// Seeded per row (from its values), so results do not depend on the batch. Several rows'
// samples go to the predictor in one call (bounded by kSampleBatchValues). InvalidInput when
// the training data has no rows or other features, samples < 2, or ridgeAlpha is not > 0;
// no rows in `x` give no explanations.
Result<std::vector<LimeExplanation>> explainLime(Predictor &predictor,
                                                 const model::FeatureMatrix &training,
                                                 const model::FeatureMatrix &x,
                                                 const LimeOptions &options,
                                                 const Progress &progress = {});

} // namespace assay::explain
