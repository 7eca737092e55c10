#include "common/random.h"
#include "explain/background.h"
#include "explain/explain_context.h"
#include "explain/predictor.h"
#include "explain/tree_shap.h"
#include "model/tree_ensemble.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::explain {

namespace {

Result<const model::TreeEnsemble *> treeModelOf(const ExplainContext &context)
{
    const auto &model = context.inputs.model;
    if (!model)
        return Error::invalidInput("explain shap needs a tree model Assay can load; for a predict "
                                   "command use `assay explain kernel`");
    const auto *ensemble = dynamic_cast<const model::TreeEnsemble *>(model->model.get());
    if (!ensemble)
        return Error::invalidInput("explain shap: " + context.inputs.modelName + " is a " +
                                   std::string(model->model->kind()) +
                                   " model, and TreeSHAP needs trees; use `assay explain kernel` "
                                   "for any model");
    return ensemble;
}

// Per output, features × features mean |interaction value| over the rows.
std::vector<double> interactionStrength(const ShapInteractions &interactions)
{
    const std::size_t features = interactions.features;
    std::vector<double> strength(interactions.outputs * features * features, 0.0);
    for (std::size_t row = 0; row < interactions.rows; ++row)
        for (std::size_t output = 0; output < interactions.outputs; ++output) {
            const auto matrix = interactions.of(row, output);
            double *into = strength.data() + output * features * features;
            for (std::size_t a = 0; a < features; ++a)
                for (std::size_t b = 0; b < features; ++b)
                    into[a * features + b] += std::abs(matrix[a * interactions.width() + b]);
        }
    if (interactions.rows > 0)
        for (double &value : strength)
            value /= double(interactions.rows);
    return strength;
}

// `backgroundRows` rows of the data drawn without replacement (seeded), equally weighted.
Background sampledBackground(const model::FeatureMatrix &all, std::size_t backgroundRows,
                             std::uint64_t seed)
{
    std::vector<std::size_t> rows(all.rows);
    std::iota(rows.begin(), rows.end(), 0);
    const std::size_t count = std::min(backgroundRows, all.rows);
    Random random(seed);
    for (std::size_t i = 0; i < count; ++i)
        std::swap(rows[i],
                  rows[i + static_cast<std::size_t>(random.uniform() * double(all.rows - i))]);
    rows.resize(count);
    std::sort(rows.begin(), rows.end());
    return uniformBackground(all.subset(rows));
}

Result<ShapValues> contributions(const model::TreeEnsemble &ensemble, const ExplainContext &context,
                                 bool withInteractions, std::size_t backgroundRows,
                                 std::uint64_t seed, std::optional<ShapInteractions> &interactions)
{
    if (backgroundRows > 0)
        return interventionalTreeShap(ensemble, context.x,
                                      sampledBackground(context.all, backgroundRows, seed),
                                      context.threads, context.progress);
    // The values themselves come from TreeSHAP, so they are the same with or without
    // interactions (the interaction rows sum to them up to rounding).
    auto values = treeShap(ensemble, context.x, context.threads, context.progress);
    if (!values || !withInteractions)
        return values;
    auto computed = treeShapInteractions(ensemble, context.x, context.threads, context.progress);
    if (!computed)
        return computed.error();
    interactions = std::move(*computed);
    return values;
}

} // namespace

Status resolveShapParams(const ExplainContext &context, ExplainParams &params)
{
    auto ensemble = treeModelOf(context);
    if (!ensemble)
        return ensemble.error();
    auto interactions = params.flag("interactions", false);
    if (!interactions)
        return interactions.error();
    auto background = params.count("background", 0);
    if (!background)
        return background.error();
    if (*interactions && *background > 0)
        return Error::invalidInput("explain shap: interaction values are path-dependent; they "
                                   "cannot be combined with a background (--background)");
    auto seed = params.count("seed", 0);
    if (!seed)
        return seed.error();
    return {};
}

Result<MethodOutcome> runShapJob(const ExplainContext &context, const QJsonObject &params)
{
    auto ensemble = treeModelOf(context);
    if (!ensemble)
        return ensemble.error();
    const bool withInteractions = params.value(QStringLiteral("interactions")).toBool();
    const auto backgroundRows =
        static_cast<std::size_t>(params.value(QStringLiteral("background")).toInteger());
    const auto seed = static_cast<std::uint64_t>(params.value(QStringLiteral("seed")).toInteger());

    MethodOutcome outcome;
    auto values = contributions(**ensemble, context, withInteractions, backgroundRows, seed,
                                outcome.interactions);
    if (!values)
        return values.error();
    ShapExplanation shap;
    shap.rowIds = context.rowIds;
    shap.x = context.x;
    shap.values = std::move(*values);
    shap.predictions.resize(shap.values.rows * shap.values.outputs);
    (*ensemble)->predictMargin(context.x, shap.predictions, context.threads);
    shap.space = (*ensemble)->link() == model::OutputLink::Identity ? "value" : "margin";
    if (outcome.interactions)
        shap.interactionStrength = interactionStrength(*outcome.interactions);
    outcome.outputs = ModelPredictor(**ensemble, context.threads).outputNames();
    outcome.result = std::move(shap);
    return outcome;
}

} // namespace assay::explain
