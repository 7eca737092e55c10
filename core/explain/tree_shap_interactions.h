#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/shap_interactions.h"
#include "model/feature_matrix.h"
#include "model/tree_ensemble.h"

namespace assay::explain {

// SHAP interaction values (Lundberg et al. 2020), computed as XGBoost's
// pred_interactions=True does: each feature's off-diagonal column from TreeSHAP conditioned on
// the feature being known and unknown, the diagonal from the rest. Same threads, determinism
// and errors as treeShap.
Result<ShapInteractions> treeShapInteractions(const model::TreeEnsemble &ensemble,
                                              const model::FeatureMatrix &x, unsigned threads = 0,
                                              const Progress &progress = {});

} // namespace assay::explain
