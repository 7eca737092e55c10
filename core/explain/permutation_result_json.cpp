#include "explain/explanation_json_values.h"
#include "explain/explanation_result_json.h"

namespace assay::explain {

QJsonObject permutationResultToJson(const PermutationResult &permutation)
{
    const PermutationImportance &importance = permutation.importance;
    QJsonArray features;
    for (const FeatureImportance &feature : importance.features)
        features.append(
            QJsonObject{{QStringLiteral("feature"), static_cast<qint64>(feature.feature)},
                        {QStringLiteral("mean"), numberToJson(feature.mean)},
                        {QStringLiteral("std"), numberToJson(feature.std)},
                        {QStringLiteral("drops"), nullableDoublesToJson(feature.drops)}});
    return {{QStringLiteral("metric"), QString::fromStdString(importance.metric)},
            {QStringLiteral("baseline"), numberToJson(importance.baseline)},
            {QStringLiteral("features"), features}};
}

namespace {

Result<FeatureImportance> importanceFromJson(const model::JsonFields &fields,
                                             std::size_t featureCount)
{
    auto index = size(fields, "feature");
    if (!index)
        return index.error();
    if (*index >= featureCount)
        return fields.error("feature", "no feature " + std::to_string(*index) + " of " +
                                           std::to_string(featureCount));
    auto mean = number(fields, "mean");
    if (!mean)
        return mean.error();
    auto std = number(fields, "std");
    if (!std)
        return std.error();
    auto drops = nullableDoubles(fields, "drops");
    if (!drops)
        return drops.error();
    return FeatureImportance{.feature = *index, .mean = *mean, .std = *std, .drops = std::move(*drops)};
}

} // namespace

Result<PermutationResult> permutationResultFromJson(const model::JsonFields &result,
                                                    std::size_t featureCount)
{
    PermutationResult permutation;
    PermutationImportance &importance = permutation.importance;
    auto metric = result.string("metric");
    if (!metric)
        return metric.error();
    auto baseline = number(result, "baseline");
    if (!baseline)
        return baseline.error();
    importance.metric = std::move(*metric);
    importance.baseline = *baseline;
    auto features = objects<FeatureImportance>(
        result, "features", [featureCount](const model::JsonFields &fields) {
            return importanceFromJson(fields, featureCount);
        });
    if (!features)
        return features.error();
    importance.features = std::move(*features);
    return permutation;
}

} // namespace assay::explain
