#pragma once

#include "explain/explanation.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace assay::ui {

// The global numbers the SHAP views are drawn from.

// Mean |SHAP value| of each feature over the explained rows, for one output.
std::vector<double> meanAbsoluteShap(const explain::ShapValues &shap, std::size_t output);

// Feature indices ordered by decreasing `importance` (ties by feature order).
std::vector<std::size_t> featuresByImportance(const std::vector<double> &importance);

// The SHAP values of `feature` for `output`, one per explained row.
std::vector<double> shapColumn(const explain::ShapValues &shap, std::size_t output,
                               std::size_t feature);

// The feature's values of the explained rows (NaN = missing).
std::vector<double> featureColumn(const model::FeatureMatrix &x, std::size_t feature);

// The feature that interacts most with `feature`: the largest off-diagonal mean |interaction|
// when the explanation has them, else an estimate from the rows (rows sorted by the feature's
// value, cut into bins; in each bin the |correlation| between the feature's SHAP value and the
// other feature's value, summed over the bins, as the shap package's approximate_interactions
// does). Nothing when the model has a single feature.
std::optional<std::size_t> strongestInteraction(const explain::ShapExplanation &explanation,
                                                std::size_t output, std::size_t feature);

} // namespace assay::ui
