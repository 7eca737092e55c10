#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/background.h"
#include "explain/predictor.h"
#include "explain/shap_values.h"

#include <cstddef>
#include <cstdint>

namespace assay::explain {

struct KernelShapOptions {
    std::size_t coalitions = 0; // 0: 2 * features + 2048
    std::uint64_t seed = 0;
};

// Model-agnostic KernelSHAP (Lundberg & Lee 2017): for each row of `x`, samples coalitions of
// features under the Shapley kernel (the sizes it can enumerate fully are enumerated, the rest
// are sampled in complementary pairs), predicts each coalition with the unknown features taken
// from the background rows, and solves the weighted least squares with the efficiency
// constraint, so contributions plus bias equal the row's prediction exactly. Values are in the
// predictor's output space (probabilities for an Assay classifier); the bias of every row is
// the background's weighted mean prediction. Seeded: the same inputs give the same values.
Result<ShapValues> kernelShap(Predictor &predictor, const Background &background,
                              const model::FeatureMatrix &x, const KernelShapOptions &options,
                              const Progress &progress = {});

} // namespace assay::explain
