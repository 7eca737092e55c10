#include "explain/explain_context.h"
#include "explain/permutation_importance.h"
#include "model/model.h"
#include "model/target.h"

#include <cmath>

namespace assay::explain {

namespace {

// The label column's default: the model's target (a predict command has none).
std::string defaultTarget(const ExplainContext &context)
{
    return context.inputs.model ? context.inputs.model->model->signature().target : std::string();
}

Result<model::Target> labels(const ExplainContext &context, const std::string &target)
{
    const ExplainInputs &inputs = context.inputs;
    if (inputs.model) {
        const auto &signature = inputs.model->model->signature();
        return model::encodeTargetFor(*inputs.data, target, signature.task, signature.classes,
                                      inputs.dataName);
    }
    return model::encodeTarget(*inputs.data, target);
}

} // namespace

Status resolvePermutationParams(const ExplainContext &context, ExplainParams &params)
{
    auto target = params.text("target", defaultTarget(context));
    if (!target)
        return target.error();
    if (target->empty())
        return Error::invalidInput("explain permutation needs the label column: --target COL");
    if (!context.inputs.data->indexOf(*target))
        return Error::invalidInput("explain permutation: " + context.inputs.dataName +
                                   " has no label column '" + *target + "'");
    const bool regression = context.task == model::Task::Regression;
    ASSAY_TRY(params.text("metric", regression ? "r2" : "accuracy"));
    ASSAY_TRY(params.count("repeats", PermutationOptions{}.repeats, 1));
    ASSAY_TRY(params.count("seed", 0));
    return {};
}

Result<MethodOutcome> runPermutationJob(const ExplainContext &context, const QJsonObject &params)
{
    const std::string targetName = params.value(QStringLiteral("target")).toString().toStdString();
    auto target = labels(context, targetName);
    if (!target)
        return target.error();
    std::vector<std::size_t> labelled;
    std::vector<double> y;
    for (std::size_t i = 0; i < context.rowIds.size(); ++i)
        if (!std::isnan(target->values[context.rowIds[i]])) {
            labelled.push_back(i);
            y.push_back(target->values[context.rowIds[i]]);
        }
    if (labelled.empty())
        return Error::invalidInput(context.inputs.dataName + ": the label column '" + targetName +
                                   "' has no values in the rows explained");
    const model::FeatureMatrix x =
        labelled.size() == context.x.rows ? context.x : context.x.subset(labelled);

    auto predictor = predictorFor(context);
    if (!predictor)
        return predictor.error();
    PermutationOptions options;
    options.repeats = static_cast<std::size_t>(params.value(QStringLiteral("repeats")).toInteger());
    options.metric = params.value(QStringLiteral("metric")).toString().toStdString();
    options.seed = static_cast<std::uint64_t>(params.value(QStringLiteral("seed")).toInteger());
    auto importance = permutationImportance(**predictor, target->task, target->classes.size(), x, y,
                                            options, context.progress);
    if (!importance)
        return importance.error();
    MethodOutcome outcome;
    outcome.outputs = (*predictor)->outputNames();
    outcome.result = PermutationResult{std::move(*importance)};
    return outcome;
}

} // namespace assay::explain
