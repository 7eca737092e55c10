#pragma once

#include "explain/explanation.h"

#include <QJsonObject>

namespace assay::cli {

// What `assay explain ... --json` prints (besides "method", "key", "cached" and the rest the
// command adds).

// {"features": [{"name", "mean_abs"}], "bias", "rows", "space"}, features by decreasing
// mean |value| over rows (and over classes when there are several); "bias" is the mean bias
// (over classes too). With several outputs, "outputs": [{"name", "bias", "features"}] gives
// the same per class. With interaction values, "interactions": the 10 strongest pairs
// [{"a", "b", "mean_abs"}] (the sum of both halves, mean over classes).
QJsonObject shapSummaryJson(const explain::Explanation &explanation,
                            const explain::ShapExplanation &shap);

// {"rows", "explanations": [{"row", "output", "intercept", "local_prediction",
// "model_prediction", "score", "terms": [{"feature", "condition", "weight"}]}]}
QJsonObject limeJson(const explain::Explanation &explanation, const explain::LimeResult &lime);

// {"metric", "baseline", "features": [{"name", "mean", "std"}]} by decreasing mean.
QJsonObject permutationJson(const explain::Explanation &explanation,
                            const explain::PermutationResult &permutation);

// {"curves": [{"feature", "grid", "average": {"OUTPUT": [...]}}]}; a categorical feature's
// grid holds its labels.
QJsonObject partialDependenceJson(const explain::Explanation &explanation,
                                  const explain::PartialDependenceResult &pdp);

} // namespace assay::cli
