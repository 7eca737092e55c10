#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/background.h"
#include "explain/shap_interactions.h"
#include "explain/shap_values.h"
#include "model/feature_matrix.h"
#include "model/tree_ensemble.h"

namespace assay::explain {

// Exact path-dependent TreeSHAP (Lundberg et al. 2018, "Consistent individualized feature
// attribution for tree ensembles", Algorithm 2): the expected values of the subsets are read
// from the nodes' covers. Rows walk the trees as TreeEnsemble does (float value, < or == the
// threshold, missing values follow defaultLeft), so contributions plus bias equal
// predictMargin, and equal XGBoost's predict(pred_contribs=True) on imported models.
// `x` has the model's features in order. Trees whose paths test few distinct features use
// precomputed path patterns (Fast TreeSHAP v2), the others the recursion; both agree within
// float rounding. Rows are explained in parallel blocks; the result is the same whatever
// `threads` (0: one per core). Cancelled when `progress` asks; InvalidInput
// when `x` has the wrong number of columns.
Result<ShapValues> treeShap(const model::TreeEnsemble &ensemble, const model::FeatureMatrix &x,
                            unsigned threads = 0, const Progress &progress = {});

// SHAP interaction values (Lundberg et al. 2020), computed as XGBoost's
// pred_interactions=True does: each feature's off-diagonal column from TreeSHAP conditioned on
// the feature being known and unknown, the diagonal from the rest. Same threads, determinism
// and errors as treeShap.
Result<ShapInteractions> treeShapInteractions(const model::TreeEnsemble &ensemble,
                                              const model::FeatureMatrix &x, unsigned threads = 0,
                                              const Progress &progress = {});

// Interventional TreeSHAP (Lundberg et al. 2020, "From local explanations to global
// understanding", the independent algorithm): the Shapley values of the game where the
// unknown features take the background row's values, averaged over the background with its
// weights. The bias is the background's weighted mean margin. InvalidInput when the
// background has no rows or the wrong columns.
Result<ShapValues> interventionalTreeShap(const model::TreeEnsemble &ensemble,
                                          const model::FeatureMatrix &x,
                                          const Background &background, unsigned threads = 0,
                                          const Progress &progress = {});

} // namespace assay::explain
