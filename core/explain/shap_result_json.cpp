#include "explain/explanation_json_values.h"
#include "explain/explanation_result_json.h"

namespace assay::explain {

QJsonObject shapResultToJson(const ShapExplanation &shap)
{
    QJsonObject result;
    writeExplainedRows(result, shap.rowIds, shap.x);
    result.insert(QStringLiteral("outputs"), static_cast<qint64>(shap.values.outputs));
    result.insert(QStringLiteral("values"), nullableDoublesToJson(shap.values.values));
    result.insert(QStringLiteral("predictions"), nullableDoublesToJson(shap.predictions));
    result.insert(QStringLiteral("space"), QString::fromStdString(shap.space));
    result.insert(QStringLiteral("interaction_strength"),
                  nullableDoublesToJson(shap.interactionStrength));
    return result;
}

Result<ShapExplanation> shapResultFromJson(const model::JsonFields &result,
                                           const std::vector<model::FeatureSpec> &features)
{
    ShapExplanation shap;
    ASSAY_TRY(readExplainedRows(result, features, shap.rowIds, shap.x));
    auto outputs = size(result, "outputs");
    if (!outputs)
        return outputs.error();
    auto values = nullableDoubles(result, "values");
    if (!values)
        return values.error();
    auto predictions = nullableDoubles(result, "predictions");
    if (!predictions)
        return predictions.error();
    auto space = result.string("space");
    if (!space)
        return space.error();
    auto strength = nullableDoubles(result, "interaction_strength");
    if (!strength)
        return strength.error();

    const std::size_t rows = shap.rowIds.size();
    shap.values.rows = rows;
    shap.values.outputs = *outputs;
    shap.values.features = features.size();
    ASSAY_TRY(
        requireLength(result, "values", values->size(), rows * *outputs * shap.values.width()));
    ASSAY_TRY(requireLength(result, "predictions", predictions->size(), rows * *outputs));
    if (!strength->empty())
        ASSAY_TRY(requireLength(result, "interaction_strength", strength->size(),
                                *outputs * features.size() * features.size()));
    shap.values.values = std::move(*values);
    shap.predictions = std::move(*predictions);
    shap.space = std::move(*space);
    shap.interactionStrength = std::move(*strength);
    return shap;
}

} // namespace assay::explain
