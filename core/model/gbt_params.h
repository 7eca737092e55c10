#pragma once

#include "model/trainer.h"

#include <vector>

namespace assay::model {

// Gradient boosting's parameters, named and meant as XGBoost's, so the same values give
// comparable models in both.
struct GbtParams {
    int nEstimators = 100;     // boosting rounds
    double learningRate = 0.3; // eta: leaf values are scaled by it
    int maxDepth = 6;
    double minChildWeight = 1;   // least hessian sum of a child
    double regLambda = 1;        // L2 penalty on leaf weights
    double gamma = 0;            // least loss reduction of a split
    double subsample = 1;        // share of rows drawn (without replacement) for each round
    double colsampleByTree = 1;  // share of features drawn for each tree
    int maxBin = 256;            // histogram bins per feature
    int earlyStoppingRounds = 0; // stop when the validation metric has not improved for this many

    static std::vector<ParamSpec> specs();
    static GbtParams from(const ParamValues &values);
};

} // namespace assay::model
