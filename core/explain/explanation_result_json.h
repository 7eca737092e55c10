#pragma once

#include "common/result.h"
#include "explain/explanation.h"
#include "model/json_fields.h"

#include <QJsonObject>

#include <vector>

namespace assay::explain {

// The "result" part of an explanation document, one pair per method. Readers get the
// subject's features, which the explained rows' matrices carry; errors name the key.

QJsonObject shapResultToJson(const ShapExplanation &shap);
Result<ShapExplanation> shapResultFromJson(const model::JsonFields &result,
                                           const std::vector<model::FeatureSpec> &features);

QJsonObject limeResultToJson(const LimeResult &lime);
Result<LimeResult> limeResultFromJson(const model::JsonFields &result,
                                      const std::vector<model::FeatureSpec> &features);

QJsonObject permutationResultToJson(const PermutationResult &permutation);
Result<PermutationResult> permutationResultFromJson(const model::JsonFields &result,
                                                    std::size_t featureCount);

QJsonObject partialDependenceResultToJson(const PartialDependenceResult &pdp);
Result<PartialDependenceResult> partialDependenceResultFromJson(const model::JsonFields &result,
                                                                std::size_t featureCount);

// The explained rows' feature values: {"row_ids": [...], "x": [row-major, null = missing]}.
void writeExplainedRows(QJsonObject &into, const std::vector<std::size_t> &rowIds,
                        const model::FeatureMatrix &x);
Status readExplainedRows(const model::JsonFields &from,
                         const std::vector<model::FeatureSpec> &features,
                         std::vector<std::size_t> &rowIds, model::FeatureMatrix &x);

} // namespace assay::explain
