#include "explain/background.h"
#include "explain/explain_context.h"
#include "explain/kernel_shap.h"

namespace assay::explain {

Status resolveKernelParams(const ExplainContext &context, ExplainParams &params)
{
    ASSAY_TRY(params.count("coalitions", 2 * context.all.columns() + 2048, 1));
    ASSAY_TRY(params.count("clusters", 10, 1));
    ASSAY_TRY(params.count("seed", 0));
    return {};
}

Result<MethodOutcome> runKernelJob(const ExplainContext &context, const QJsonObject &params)
{
    auto predictor = predictorFor(context);
    if (!predictor)
        return predictor.error();
    const auto seed = static_cast<std::uint64_t>(params.value(QStringLiteral("seed")).toInteger());
    auto background = summarizeBackground(
        context.all, static_cast<std::size_t>(params.value(QStringLiteral("clusters")).toInteger()),
        seed);
    if (!background)
        return background.error();
    KernelShapOptions options;
    options.coalitions =
        static_cast<std::size_t>(params.value(QStringLiteral("coalitions")).toInteger());
    options.seed = seed;
    auto values = kernelShap(**predictor, *background, context.x, options, context.progress);
    if (!values)
        return values.error();

    ShapExplanation shap;
    shap.rowIds = context.rowIds;
    shap.x = context.x;
    // KernelSHAP's efficiency constraint makes contributions plus bias the prediction.
    shap.predictions.assign(values->rows * values->outputs, 0.0);
    for (std::size_t row = 0; row < values->rows; ++row)
        for (std::size_t output = 0; output < values->outputs; ++output)
            for (double value : values->of(row, output))
                shap.predictions[row * values->outputs + output] += value;
    shap.values = std::move(*values);
    // An Assay classifier predicts probabilities; a predict command's numbers are its own.
    const bool classifier = context.inputs.model && context.task != model::Task::Regression;
    shap.space = classifier ? "probability" : "value";
    MethodOutcome outcome;
    outcome.outputs = (*predictor)->outputNames();
    outcome.result = std::move(shap);
    return outcome;
}

} // namespace assay::explain
