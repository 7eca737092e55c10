#include "explain/explain_context.h"
#include "explain/lime.h"

#include <cmath>

namespace assay::explain {

Status resolveLimeParams(const ExplainContext &context, ExplainParams &params)
{
    ASSAY_TRY(params.count("samples", LimeOptions{}.samples, 2));
    const double defaultWidth = 0.75 * std::sqrt(double(context.all.columns()));
    auto width = params.number("kernel_width", defaultWidth);
    if (!width)
        return width.error();
    if (*width <= 0)
        return Error::invalidInput("explain lime: kernel_width: expected a number > 0");
    ASSAY_TRY(params.count("max_features", LimeOptions{}.maxFeatures, 1));
    ASSAY_TRY(params.count("seed", 0));
    return {};
}

Result<MethodOutcome> runLimeJob(const ExplainContext &context, const QJsonObject &params)
{
    auto predictor = predictorFor(context);
    if (!predictor)
        return predictor.error();
    LimeOptions options;
    options.samples = static_cast<std::size_t>(params.value(QStringLiteral("samples")).toInteger());
    options.kernelWidth = params.value(QStringLiteral("kernel_width")).toDouble();
    options.maxFeatures =
        static_cast<std::size_t>(params.value(QStringLiteral("max_features")).toInteger());
    options.seed = static_cast<std::uint64_t>(params.value(QStringLiteral("seed")).toInteger());
    auto explanations = explainLime(**predictor, context.all, context.x, options, context.progress);
    if (!explanations)
        return explanations.error();
    LimeResult lime;
    lime.rowIds = context.rowIds;
    lime.x = context.x;
    lime.explanations = std::move(*explanations);
    MethodOutcome outcome;
    outcome.outputs = (*predictor)->outputNames();
    outcome.result = std::move(lime);
    return outcome;
}

} // namespace assay::explain
