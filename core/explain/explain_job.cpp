#include "explain/explain_job.h"

#include "explain/explain_context.h"
#include "model/target.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <numeric>

namespace assay::explain {

namespace {

// LIME and KernelSHAP cost thousands of predictions per row: without a range they explain
// the first rows only.
constexpr std::size_t kDefaultLocalRows = 20;

Status resolveRows(const ExplainInputs &inputs, const ExplainRequest &request,
                   ExplainContext &context)
{
    const std::size_t rows = inputs.data->rowCount();
    const bool local =
        request.method == ExplainMethod::Lime || request.method == ExplainMethod::KernelShap;
    const std::size_t first = request.firstRow.value_or(0);
    const std::size_t fallbackLast =
        local && !request.firstRow ? std::min(rows, kDefaultLocalRows) : rows;
    const std::size_t last = request.lastRow.value_or(fallbackLast);
    if (first >= last || last > rows)
        return Error::invalidInput("rows " + std::to_string(first) + ":" + std::to_string(last) +
                                   " are out of range: " + inputs.dataName + " has " +
                                   std::to_string(rows) + " rows (0:" + std::to_string(rows) + ")");
    context.firstRow = first;
    context.lastRow = last;
    return {};
}

// The model's features, or for a predict command every data column but the target and the
// excluded ones.
Result<std::vector<model::FeatureSpec>> featuresOf(ExplainContext &context, ExplainParams &params)
{
    const ExplainInputs &inputs = context.inputs;
    if (inputs.model) {
        context.task = inputs.model->model->signature().task;
        return inputs.model->model->signature().features;
    }
    auto target = params.text("target", "");
    if (!target)
        return target.error();
    auto exclude = params.texts("exclude");
    if (!exclude)
        return exclude.error();
    for (const std::string &name : *exclude)
        if (!inputs.data->indexOf(name))
            return Error::invalidInput("--exclude " + name + ": " + inputs.dataName +
                                       " has no such column");
    if (!target->empty()) {
        auto encoded = model::encodeTarget(*inputs.data, *target);
        if (!encoded)
            return encoded.error();
        context.task = encoded->task;
    }
    const auto names = model::defaultFeatureNames(*inputs.data, *target, *exclude);
    if (names.empty())
        return Error::invalidInput(inputs.dataName + " has no feature columns left");
    return model::inferFeatures(*inputs.data, names);
}

Status resolveMethodParams(ExplainMethod method, const ExplainContext &context,
                           ExplainParams &params)
{
    switch (method) {
    case ExplainMethod::TreeShap:
        return resolveShapParams(context, params);
    case ExplainMethod::Lime:
        return resolveLimeParams(context, params);
    case ExplainMethod::Permutation:
        return resolvePermutationParams(context, params);
    case ExplainMethod::PartialDependence:
        return resolvePartialDependenceParams(context, params);
    case ExplainMethod::KernelShap:
        return resolveKernelParams(context, params);
    }
    return Error::internal("explain: unknown method");
}

Result<MethodOutcome> runMethod(ExplainMethod method, const ExplainContext &context,
                                const QJsonObject &params)
{
    switch (method) {
    case ExplainMethod::TreeShap:
        return runShapJob(context, params);
    case ExplainMethod::Lime:
        return runLimeJob(context, params);
    case ExplainMethod::Permutation:
        return runPermutationJob(context, params);
    case ExplainMethod::PartialDependence:
        return runPartialDependenceJob(context, params);
    case ExplainMethod::KernelShap:
        return runKernelJob(context, params);
    }
    return Error::internal("explain: unknown method");
}

// Builds the context and resolves the parameters; both jobs and cache look-ups start here.
Result<QJsonObject> prepare(const ExplainInputs &inputs, const ExplainRequest &request,
                            ExplainContext &context)
{
    if (!inputs.data)
        return Error::invalidInput("explain: no data");
    if (!inputs.model && inputs.predictCommand.empty())
        return Error::invalidInput("explain: a model or a predict command is needed");
    ExplainParams params(std::string(methodName(request.method)), request.params);
    ASSAY_TRY(resolveRows(inputs, request, context));
    params.resolve("rows", QJsonArray{static_cast<qint64>(context.firstRow),
                                      static_cast<qint64>(context.lastRow)});
    auto features = featuresOf(context, params);
    if (!features)
        return features.error();
    auto all = model::buildMatrix(*inputs.data, *features, inputs.dataName);
    if (!all)
        return all.error();
    context.all = std::move(*all);
    context.rowIds.resize(context.lastRow - context.firstRow);
    std::iota(context.rowIds.begin(), context.rowIds.end(), context.firstRow);
    context.x = context.rowIds.size() == context.all.rows ? context.all
                                                          : context.all.subset(context.rowIds);
    ASSAY_TRY(resolveMethodParams(request.method, context, params));
    ASSAY_TRY(params.rejectUnknown());
    return params.resolved();
}

model::Task taskOf(const ExplainContext &context, std::size_t outputs)
{
    if (context.task)
        return *context.task;
    return outputs > 1 ? model::Task::Multiclass : model::Task::Regression;
}

} // namespace

Result<QJsonObject> resolvedParams(const ExplainInputs &inputs, const ExplainRequest &request)
{
    ExplainContext context(inputs, request.threads, {});
    return prepare(inputs, request, context);
}

Result<ExplainOutcome> runExplanation(const ExplainInputs &inputs, const ExplainRequest &request,
                                      const Progress &progress)
{
    ExplainContext context(inputs, request.threads, progress);
    auto params = prepare(inputs, request, context);
    if (!params)
        return params.error();
    auto computed = runMethod(request.method, context, *params);
    if (!computed)
        return computed.error();

    ExplainOutcome outcome;
    Explanation &explanation = outcome.explanation;
    explanation.method = request.method;
    explanation.params = *params;
    explanation.createdMs = QDateTime::currentMSecsSinceEpoch();
    explanation.subject = {.modelName = inputs.modelName,
                           .modelMd5 = inputs.modelMd5,
                           .runId = inputs.runId,
                           .dataName = inputs.dataName,
                           .dataMd5 = inputs.dataMd5,
                           .task = taskOf(context, computed->outputs.size()),
                           .features = context.all.features,
                           .outputs = computed->outputs};
    explanation.result = std::move(computed->result);
    outcome.interactions = std::move(computed->interactions);
    return outcome;
}

} // namespace assay::explain
