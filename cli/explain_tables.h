#pragma once

#include "explain/explanation.h"
#include "explain/shap_interactions.h"
#include "table/table.h"

namespace assay::cli {

// The tables `assay explain ... --out FILE` writes (see each subcommand's help).

// One line per explained row: one column per feature in the model's order, then `bias`;
// with several outputs (multiclass) one such block per class, named `feature@class`.
table::Table shapValuesTable(const explain::Explanation &explanation,
                             const explain::ShapExplanation &shap);

// Long format, one line per row, output and pair of features:
// row, output, feature_a, feature_b, value (the diagonal holds the main effects; each pair's
// interaction is split in two halves, (a, b) and (b, a)); then one line with the bias
// (feature_a = feature_b = "bias").
table::Table shapInteractionsTable(const explain::Explanation &explanation,
                                   const explain::ShapExplanation &shap,
                                   const explain::ShapInteractions &interactions);

// row, output, rank, feature, condition, weight, intercept, local_prediction,
// model_prediction, score: one line per condition of each row's explanation.
table::Table limeTable(const explain::Explanation &explanation, const explain::LimeResult &lime);

// feature, mean, std, then drop_1 … drop_R, in the model's feature order.
table::Table permutationTable(const explain::Explanation &explanation,
                              const explain::PermutationResult &permutation);

// feature, value (a category's label for a categorical feature), output, average: one line
// per feature, grid value and output.
table::Table partialDependenceTable(const explain::Explanation &explanation,
                                    const explain::PartialDependenceResult &pdp);

} // namespace assay::cli
