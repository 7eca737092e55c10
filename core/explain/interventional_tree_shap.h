#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/background.h"
#include "explain/shap_values.h"
#include "model/feature_matrix.h"
#include "model/tree_ensemble.h"

namespace assay::explain {

// Interventional TreeSHAP (Lundberg et al. 2020, "From local explanations to global
// understanding", the independent algorithm): the Shapley values of the game where the
// unknown features take the background row's values, averaged over the background with its
// weights. The bias is the background's weighted mean margin. InvalidInput when the
// background has no rows, the wrong columns, or weights that are negative, not finite or sum
// to 0; the weights need not sum to 1 (they are normalised).
Result<ShapValues> interventionalTreeShap(const model::TreeEnsemble &ensemble,
                                          const model::FeatureMatrix &x,
                                          const Background &background, unsigned threads = 0,
                                          const Progress &progress = {});

} // namespace assay::explain
