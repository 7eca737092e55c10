#include "model/model_checks.h"

#include "model/model_check_context.h"
#include "stats/value_format.h"

#include <cstdio>
#include <set>

namespace assay::model {

std::string formatMeasure(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

std::string formatBound(double value)
{
    return stats::formatDouble(value);
}

std::string formatCount(std::size_t count)
{
    std::string digits = std::to_string(count);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

std::string CheckContext::rowsText(std::size_t count) const
{
    if (test.where)
        return test.where->expression() + ": " + formatCount(count) +
               (count == 1 ? " row" : " rows");
    return (count == inputs.data.rowCount() ? "all " : "") + formatCount(count) +
           (count == 1 ? " row" : " rows");
}

Error CheckContext::error(const std::string &key, const std::string &message) const
{
    return Error::invalidInput(test.origin + ": test '" + test.name + "': " + key + ": " + message);
}

std::optional<std::size_t> CheckContext::featureIndex(std::string_view column) const
{
    const auto &features = inputs.model.signature().features;
    for (std::size_t i = 0; i < features.size(); ++i)
        if (features[i].name == column)
            return i;
    return std::nullopt;
}

std::string CheckContext::outputName(std::size_t output) const
{
    const auto &signature = inputs.model.signature();
    return signature.task == Task::Multiclass ? "p_" + signature.classes[output] : "prediction";
}

std::vector<BaselineCheck> baselinesOf(const ModelTestSpec &spec)
{
    std::vector<BaselineCheck> baselines;
    std::set<std::string> seen;
    for (const auto &test : spec.tests)
        if (const auto *baseline = std::get_if<BaselineCheck>(&test.check))
            if (seen.insert(baseline->reference).second)
                baselines.push_back(*baseline);
    return baselines;
}

namespace {

Result<std::vector<std::size_t>> sliceRows(const CheckContext &context)
{
    std::vector<std::size_t> rows;
    const std::size_t count = context.inputs.data.rowCount();
    if (!context.test.where) {
        rows.resize(count);
        for (std::size_t row = 0; row < count; ++row)
            rows[row] = row;
        return rows;
    }
    auto mask = context.test.where->mask(context.inputs.data, context.inputs.dataName);
    if (!mask)
        return context.error("where", mask.error().message);
    for (std::size_t row = 0; row < count; ++row)
        if ((*mask)[row])
            rows.push_back(row);
    if (rows.empty())
        return context.error("where", "no row of " + std::string(context.inputs.dataName) +
                                          " satisfies '" + context.test.where->expression() + "'");
    return rows;
}

Result<ModelTestResult> runCheck(CheckContext &context)
{
    return std::visit(
        [&](const auto &check) -> Result<ModelTestResult> {
            using Check = std::decay_t<decltype(check)>;
            if constexpr (std::is_same_v<Check, MetricCheck>)
                return checkMetric(context, check);
            else if constexpr (std::is_same_v<Check, BaselineCheck>)
                return checkBaseline(context, check);
            else if constexpr (std::is_same_v<Check, InvarianceCheck>)
                return checkInvariance(context, check);
            else if constexpr (std::is_same_v<Check, DirectionalCheck>)
                return checkDirectional(context, check);
            else if constexpr (std::is_same_v<Check, PredictionRangeCheck>)
                return checkPredictionRange(context, check);
            else
                return checkNoNan(context, check);
        },
        context.test.check);
}

} // namespace

Result<std::vector<ModelTestResult>> runModelTests(const ModelTestSpec &spec, const Model &model,
                                                   const table::Table &data,
                                                   std::string_view dataName,
                                                   const BaselineModels &baselines,
                                                   std::uint64_t seed, const Progress &progress)
{
    auto matrix = buildMatrix(data, model.signature().features, dataName);
    if (!matrix)
        return matrix.error();
    CheckInputs inputs{model, data, dataName, baselines, std::move(*matrix), {}, std::nullopt};
    inputs.predictions = model.predictions(inputs.matrix);

    std::vector<ModelTestResult> results;
    for (std::size_t i = 0; i < spec.tests.size(); ++i) {
        if (progress.isCancelled())
            return Error::cancelled();
        const ModelTest &test = spec.tests[i];
        progress.report(static_cast<double>(i) / static_cast<double>(spec.tests.size()), test.name);
        CheckContext context{inputs, test, {}, Random(seed ^ (0x9e3779b97f4a7c15ULL * (i + 1)))};
        auto rows = sliceRows(context);
        if (!rows)
            return rows.error();
        context.rows = std::move(*rows);
        auto result = runCheck(context);
        if (!result)
            return result.error();
        result->name = test.name;
        result->kind = std::string(checkKindName(test.check));
        results.push_back(std::move(*result));
    }
    progress.report(1.0, "done");
    return results;
}

} // namespace assay::model
