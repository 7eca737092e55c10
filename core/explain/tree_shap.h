#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/interventional_tree_shap.h"
#include "explain/shap_values.h"
#include "explain/tree_shap_interactions.h"
#include "model/feature_matrix.h"
#include "model/tree_ensemble.h"

namespace assay::explain {

// tree_shap_interactions.h and interventional_tree_shap.h declare the other two TreeSHAP
// variants; they are included here so callers of all three need only this header.

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

} // namespace assay::explain
