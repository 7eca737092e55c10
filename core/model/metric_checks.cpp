// Metric tests: a metric within bounds, and no regression against a baseline model.

#include "model/metrics.h"
#include "model/model_check_context.h"

#include <cmath>

namespace assay::model {

namespace {

// A metric over the test's rows that have a target value; no value when some of those rows'
// predictions are NaN (the metric cannot be measured; the test fails).
struct Measured {
    std::optional<double> value;
    std::size_t rows = 0;
    std::size_t nanRows = 0;
};

Result<const Target *> targetOf(CheckContext &context)
{
    CheckInputs &inputs = context.inputs;
    if (!inputs.target) {
        const auto &signature = inputs.model.signature();
        auto target = encodeTargetFor(inputs.data, signature.target, signature.task,
                                      signature.classes, inputs.dataName);
        if (!target)
            return context.error("metric", target.error().message);
        inputs.target = std::move(*target);
    }
    return &*inputs.target;
}

std::string measuredNames(const Evaluation &evaluation)
{
    std::string names;
    for (const auto &[name, value] : evaluation.metrics)
        names += (names.empty() ? "" : ", ") + name;
    return names;
}

Result<Measured> measure(CheckContext &context, const std::string &metric,
                         std::span<const double> predictions, std::size_t outputs)
{
    auto target = targetOf(context);
    if (!target)
        return target.error();
    const auto &signature = context.inputs.model.signature();
    std::vector<double> y;
    std::vector<double> predicted;
    Measured measured;
    for (const std::size_t row : context.rows) {
        if (std::isnan((*target)->values[row]))
            continue;
        y.push_back((*target)->values[row]);
        bool nan = false;
        for (std::size_t output = 0; output < outputs; ++output) {
            predicted.push_back(predictions[row * outputs + output]);
            nan = nan || std::isnan(predicted.back());
        }
        measured.nanRows += nan;
    }
    measured.rows = y.size();
    if (y.empty())
        return context.error(context.test.where ? "where" : "metric",
                             "no row has a value of the target '" + signature.target + "'");
    if (measured.nanRows > 0)
        return measured;
    auto evaluation = evaluate(signature.task, signature.classes.size(), y, predicted);
    if (!evaluation)
        return context.error("metric", evaluation.error().message);
    const auto found = evaluation->metrics.find(metric);
    if (found != evaluation->metrics.end()) {
        measured.value = found->second;
        return measured;
    }
    if ((metric == "roc_auc" || metric == "pr_auc") && signature.task != Task::Regression)
        return context.error("metric", metric + " is undefined on " + context.rowsText(y.size()) +
                                           ": only one class of '" + signature.target + "' occurs");
    return context.error("metric", "'" + metric + "' is not measured for " +
                                       std::string(taskName(signature.task)) +
                                       " models (they have " + measuredNames(*evaluation) + ")");
}

std::string nanDetail(const CheckContext &context, const Measured &measured,
                      const std::string &metric)
{
    return context.rowsText(measured.rows) + ": " + formatCount(measured.nanRows) +
           " NaN predictions, so " + metric + " cannot be measured";
}

} // namespace

Result<ModelTestResult> checkMetric(CheckContext &context, const MetricCheck &check)
{
    auto measured = measure(context, check.metric, context.inputs.predictions, context.outputs());
    if (!measured)
        return measured.error();
    ModelTestResult result;
    if (check.min && check.max)
        result.bound = "in [" + formatBound(*check.min) + ", " + formatBound(*check.max) + "]";
    else
        result.bound =
            check.min ? ">= " + formatBound(*check.min) : "<= " + formatBound(*check.max);
    if (!measured->value) {
        result.detail = nanDetail(context, *measured, check.metric);
        return result;
    }
    const double value = *measured->value;
    result.value = value;
    result.passed = (!check.min || value >= *check.min) && (!check.max || value <= *check.max);
    result.detail =
        context.rowsText(measured->rows) + ", " + check.metric + " " + formatMeasure(value);
    return result;
}

Result<ModelTestResult> checkBaseline(CheckContext &context, const BaselineCheck &check)
{
    const auto found = context.inputs.baselines.find(check.reference);
    if (found == context.inputs.baselines.end() || !found->second)
        return context.error(check.source == BaselineCheck::Source::Run ? "baseline"
                                                                        : "baseline_model",
                             "no model was loaded for '" + check.reference + "'");
    const Model &baseline = *found->second;
    const auto &ours = context.inputs.model.signature();
    const auto &theirs = baseline.signature();
    if (theirs.task != ours.task || theirs.classes != ours.classes)
        return context.error("baseline", "the baseline is a " + std::string(taskName(theirs.task)) +
                                             " model" +
                                             (theirs.task == ours.task ? " of other classes" : "") +
                                             "; this model is " + std::string(taskName(ours.task)));
    auto matrix = buildMatrix(context.inputs.data, theirs.features, context.inputs.dataName);
    if (!matrix)
        return context.error("baseline", matrix.error().message);
    const auto baselinePredictions = baseline.predictions(*matrix);

    auto candidate = measure(context, check.metric, context.inputs.predictions, context.outputs());
    if (!candidate)
        return candidate.error();
    auto reference = measure(context, check.metric, baselinePredictions, theirs.outputCount());
    if (!reference)
        return reference.error();

    ModelTestResult result;
    const bool higher = higherIsBetter(check.metric).value_or(true);
    if (!reference->value) {
        result.bound = higher ? ">= baseline - " + formatBound(check.maxDrop)
                              : "<= baseline + " + formatBound(check.maxDrop);
        result.detail = "the baseline has " + nanDetail(context, *reference, check.metric);
        return result;
    }
    const double limit =
        higher ? *reference->value - check.maxDrop : *reference->value + check.maxDrop;
    result.bound = (higher ? ">= " : "<= ") + formatMeasure(limit) + " (baseline " +
                   formatMeasure(*reference->value) + (higher ? " - " : " + ") +
                   formatBound(check.maxDrop) + ")";
    if (!candidate->value) {
        result.detail = nanDetail(context, *candidate, check.metric);
        return result;
    }
    const double value = *candidate->value;
    result.value = value;
    result.passed = higher ? value >= limit : value <= limit;
    const double drop = higher ? *reference->value - value : value - *reference->value;
    result.detail = context.rowsText(candidate->rows) + ", " + check.metric + " " +
                    formatMeasure(value) + " vs baseline " + formatMeasure(*reference->value) +
                    (drop > 0 ? " (worse by " + formatMeasure(drop) + ")" : " (not worse)");
    return result;
}

} // namespace assay::model
