#include "explain_json.h"

#include "json_values.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::cli {

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

QString featureName(const explain::Explanation &explanation, std::size_t feature)
{
    return text(explanation.subject.features[feature].name);
}

QString outputName(const explain::Explanation &explanation, std::size_t output)
{
    const auto &outputs = explanation.subject.outputs;
    return output < outputs.size() ? text(outputs[output]) : QString::number(output);
}

// Indices of `values` by decreasing value, ties in the original order.
std::vector<std::size_t> byDecreasing(const std::vector<double> &values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
    return order;
}

QJsonArray rankedFeatures(const explain::Explanation &explanation,
                          const std::vector<double> &meanAbs)
{
    QJsonArray features;
    for (std::size_t feature : byDecreasing(meanAbs))
        features.append(QJsonObject{{QStringLiteral("name"), featureName(explanation, feature)},
                                    {QStringLiteral("mean_abs"), numberOrNull(meanAbs[feature])}});
    return features;
}

QJsonArray strongestInteractions(const explain::Explanation &explanation,
                                 const explain::ShapExplanation &shap)
{
    const std::size_t features = shap.values.features;
    const std::size_t outputs = shap.values.outputs;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    std::vector<double> strength;
    for (std::size_t a = 0; a < features; ++a)
        for (std::size_t b = a + 1; b < features; ++b) {
            double sum = 0;
            for (std::size_t output = 0; output < outputs; ++output) {
                const double *matrix =
                    shap.interactionStrength.data() + output * features * features;
                sum += matrix[a * features + b] + matrix[b * features + a];
            }
            pairs.emplace_back(a, b);
            strength.push_back(sum / double(outputs));
        }
    QJsonArray strongest;
    for (std::size_t index : byDecreasing(strength)) {
        if (strongest.size() == 10)
            break;
        strongest.append(
            QJsonObject{{QStringLiteral("a"), featureName(explanation, pairs[index].first)},
                        {QStringLiteral("b"), featureName(explanation, pairs[index].second)},
                        {QStringLiteral("mean_abs"), numberOrNull(strength[index])}});
    }
    return strongest;
}

} // namespace

QJsonObject shapSummaryJson(const explain::Explanation &explanation,
                            const explain::ShapExplanation &shap)
{
    const auto &values = shap.values;
    const double rows = std::max<double>(1.0, double(values.rows));
    std::vector<std::vector<double>> meanAbs(values.outputs,
                                             std::vector<double>(values.features, 0.0));
    std::vector<double> bias(values.outputs, 0.0);
    for (std::size_t row = 0; row < values.rows; ++row)
        for (std::size_t output = 0; output < values.outputs; ++output) {
            const auto contributions = values.of(row, output);
            for (std::size_t feature = 0; feature < values.features; ++feature)
                meanAbs[output][feature] += std::abs(contributions[feature]) / rows;
            bias[output] += contributions[values.features] / rows;
        }
    std::vector<double> overall(values.features, 0.0);
    for (const auto &perOutput : meanAbs)
        for (std::size_t feature = 0; feature < values.features; ++feature)
            overall[feature] += perOutput[feature] / double(values.outputs);
    QJsonObject summary{
        {QStringLiteral("features"), rankedFeatures(explanation, overall)},
        {QStringLiteral("bias"), numberOrNull(std::accumulate(bias.begin(), bias.end(), 0.0) /
                                              double(std::max<std::size_t>(1, values.outputs)))},
        {QStringLiteral("rows"), static_cast<qint64>(values.rows)},
        {QStringLiteral("space"), text(shap.space)}};
    if (values.outputs > 1) {
        QJsonArray outputs;
        for (std::size_t output = 0; output < values.outputs; ++output)
            outputs.append(QJsonObject{
                {QStringLiteral("name"), outputName(explanation, output)},
                {QStringLiteral("bias"), numberOrNull(bias[output])},
                {QStringLiteral("features"), rankedFeatures(explanation, meanAbs[output])}});
        summary.insert(QStringLiteral("outputs"), outputs);
    }
    if (!shap.interactionStrength.empty())
        summary.insert(QStringLiteral("interactions"), strongestInteractions(explanation, shap));
    return summary;
}

QJsonObject limeJson(const explain::Explanation &explanation, const explain::LimeResult &lime)
{
    QJsonArray explanations;
    for (const explain::LimeExplanation &one : lime.explanations) {
        QJsonArray terms;
        for (const explain::LimeTerm &term : one.terms)
            terms.append(
                QJsonObject{{QStringLiteral("feature"), featureName(explanation, term.feature)},
                            {QStringLiteral("condition"), text(term.condition)},
                            {QStringLiteral("weight"), numberOrNull(term.weight)}});
        explanations.append(
            QJsonObject{{QStringLiteral("row"), static_cast<qint64>(lime.rowIds[one.row])},
                        {QStringLiteral("output"), outputName(explanation, one.output)},
                        {QStringLiteral("intercept"), numberOrNull(one.intercept)},
                        {QStringLiteral("local_prediction"), numberOrNull(one.localPrediction)},
                        {QStringLiteral("model_prediction"), numberOrNull(one.modelPrediction)},
                        {QStringLiteral("score"), numberOrNull(one.score)},
                        {QStringLiteral("terms"), terms}});
    }
    return {{QStringLiteral("rows"), static_cast<qint64>(lime.rowIds.size())},
            {QStringLiteral("explanations"), explanations}};
}

QJsonObject permutationJson(const explain::Explanation &explanation,
                            const explain::PermutationResult &permutation)
{
    const auto &importance = permutation.importance;
    std::vector<double> means;
    for (const auto &feature : importance.features)
        means.push_back(feature.mean);
    QJsonArray features;
    for (std::size_t index : byDecreasing(means)) {
        const auto &feature = importance.features[index];
        features.append(
            QJsonObject{{QStringLiteral("name"), featureName(explanation, feature.feature)},
                        {QStringLiteral("mean"), numberOrNull(feature.mean)},
                        {QStringLiteral("std"), numberOrNull(feature.std)}});
    }
    return {{QStringLiteral("metric"), text(importance.metric)},
            {QStringLiteral("baseline"), numberOrNull(importance.baseline)},
            {QStringLiteral("features"), features}};
}

QJsonObject partialDependenceJson(const explain::Explanation &explanation,
                                  const explain::PartialDependenceResult &pdp)
{
    QJsonArray curves;
    for (const explain::PartialDependence &curve : pdp.curves) {
        const model::FeatureSpec &spec = explanation.subject.features[curve.feature];
        QJsonArray grid;
        for (double value : curve.grid) {
            const bool label = spec.kind == model::FeatureKind::Categorical && value >= 0 &&
                               value < double(spec.categories.size());
            grid.append(label ? QJsonValue(text(spec.categories[std::size_t(value)]))
                              : numberOrNull(value));
        }
        QJsonObject average;
        for (std::size_t output = 0; output < curve.outputs; ++output) {
            QJsonArray values;
            for (std::size_t g = 0; g < curve.grid.size(); ++g)
                values.append(numberOrNull(curve.average[g * curve.outputs + output]));
            average.insert(outputName(explanation, output), values);
        }
        curves.append(QJsonObject{{QStringLiteral("feature"), text(spec.name)},
                                  {QStringLiteral("grid"), grid},
                                  {QStringLiteral("average"), average}});
    }
    return {{QStringLiteral("curves"), curves}};
}

} // namespace assay::cli
