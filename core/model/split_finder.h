#pragma once

#include "model/feature_binning.h"
#include "model/quantized_gradients.h"

#include <cstddef>

namespace assay::model {

struct SplitParams {
    double lambda = 1;         // L2 penalty on leaf weights (reg_lambda)
    double minChildWeight = 1; // least hessian sum of a child
    double gamma = 0;          // least loss reduction of a split (min_split_loss)
};

// The best way found to split a node. Numeric: rows with bin <= `bin` go left; categorical:
// rows with bin == `bin` go left. Missing values go left when defaultLeft.
struct Split {
    double gain = 0; // loss reduction; splits are applied only when valid()
    int feature = -1;
    int bin = 0;
    bool categorical = false;
    bool defaultLeft = false;
    GradientSum left, right;

    bool valid() const { return feature >= 0; }
};

// XGBoost's structure score G² / (H + λ) and optimal weight -G / (H + λ).
double structureScore(double grad, double hess, double lambda);
double leafWeight(double grad, double hess, double lambda);

// Scans one feature's histogram for its best split: every boundary between bins (numeric) or
// every category against the rest, each with missing values sent left and sent right. A split
// counts when both children reach min_child_weight and it gains more than gamma (and 1e-6).
Split bestSplitOfFeature(const GradientSum *histogram, const GradientSum &total,
                         std::size_t feature, const FeatureBins &bins,
                         const QuantizedGradients &units, const SplitParams &params);

} // namespace assay::model
