#include "explain/explanation_json_values.h"
#include "explain/explanation_result_json.h"

namespace assay::explain {

namespace {

QJsonObject termToJson(const LimeTerm &term)
{
    return {{QStringLiteral("feature"), static_cast<qint64>(term.feature)},
            {QStringLiteral("condition"), QString::fromStdString(term.condition)},
            {QStringLiteral("weight"), numberToJson(term.weight)}};
}

QJsonObject explanationToJson(const LimeExplanation &explanation)
{
    QJsonArray terms;
    for (const LimeTerm &term : explanation.terms)
        terms.append(termToJson(term));
    return {{QStringLiteral("row"), static_cast<qint64>(explanation.row)},
            {QStringLiteral("output"), static_cast<qint64>(explanation.output)},
            {QStringLiteral("intercept"), numberToJson(explanation.intercept)},
            {QStringLiteral("local_prediction"), numberToJson(explanation.localPrediction)},
            {QStringLiteral("model_prediction"), numberToJson(explanation.modelPrediction)},
            {QStringLiteral("score"), numberToJson(explanation.score)},
            {QStringLiteral("terms"), terms}};
}

Result<LimeTerm> termFromJson(const model::JsonFields &fields, std::size_t featureCount)
{
    LimeTerm term;
    auto feature = size(fields, "feature");
    if (!feature)
        return feature.error();
    if (*feature >= featureCount)
        return fields.error("feature", "no feature " + std::to_string(*feature) + " of " +
                                           std::to_string(featureCount));
    auto condition = fields.string("condition");
    if (!condition)
        return condition.error();
    auto weight = number(fields, "weight");
    if (!weight)
        return weight.error();
    term.feature = *feature;
    term.condition = std::move(*condition);
    term.weight = *weight;
    return term;
}

Result<LimeExplanation> explanationFromJson(const model::JsonFields &fields, std::size_t rows,
                                            std::size_t featureCount)
{
    LimeExplanation explanation;
    auto row = size(fields, "row");
    if (!row)
        return row.error();
    if (*row >= rows)
        return fields.error("row", "no explained row " + std::to_string(*row));
    auto output = size(fields, "output");
    if (!output)
        return output.error();
    explanation.row = *row;
    explanation.output = *output;
    const std::pair<const char *, double *> numbers[] = {
        {"intercept", &explanation.intercept},
        {"local_prediction", &explanation.localPrediction},
        {"model_prediction", &explanation.modelPrediction},
        {"score", &explanation.score}};
    for (const auto &[key, target] : numbers) {
        auto value = number(fields, key);
        if (!value)
            return value.error();
        *target = *value;
    }
    auto terms = objects<LimeTerm>(fields, "terms", [featureCount](const model::JsonFields &term) {
        return termFromJson(term, featureCount);
    });
    if (!terms)
        return terms.error();
    explanation.terms = std::move(*terms);
    return explanation;
}

} // namespace

QJsonObject limeResultToJson(const LimeResult &lime)
{
    QJsonObject result;
    writeExplainedRows(result, lime.rowIds, lime.x);
    QJsonArray explanations;
    for (const LimeExplanation &explanation : lime.explanations)
        explanations.append(explanationToJson(explanation));
    result.insert(QStringLiteral("explanations"), explanations);
    return result;
}

Result<LimeResult> limeResultFromJson(const model::JsonFields &result,
                                      const std::vector<model::FeatureSpec> &features)
{
    LimeResult lime;
    ASSAY_TRY(readExplainedRows(result, features, lime.rowIds, lime.x));
    auto explanations = objects<LimeExplanation>(
        result, "explanations", [&lime, &features](const model::JsonFields &fields) {
            return explanationFromJson(fields, lime.rowIds.size(), features.size());
        });
    if (!explanations)
        return explanations.error();
    lime.explanations = std::move(*explanations);
    return lime;
}

} // namespace assay::explain
