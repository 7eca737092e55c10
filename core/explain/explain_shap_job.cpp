#include "explain/explain_context.h"
#include "explain/predictor.h"
#include "explain/tree_shap.h"
#include "model/tree_ensemble.h"

#include <cmath>

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

Result<ShapValues> contributions(const model::TreeEnsemble &ensemble, const ExplainContext &context,
                                 bool withInteractions, std::size_t backgroundRows,
                                 std::uint64_t seed, std::optional<ShapInteractions> &interactions)
{
    (void)seed;
    if (withInteractions || backgroundRows > 0)
        return Error::invalidInput("explain shap: interaction values and interventional TreeSHAP "
                                   "are not available in this build yet");
    (void)interactions;
    return treeShap(ensemble, context.x, context.threads, context.progress);
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
    const auto backgroundRows = static_cast<std::size_t>(params.value(QStringLiteral("background")).toInteger());
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
