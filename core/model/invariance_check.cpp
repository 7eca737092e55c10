// Invariance: perturb one column and measure how far the predictions move.

#include "model/model_check_context.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace assay::model {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// The data with `a` and `b` trading names: the model's feature `a` reads b's values and the
// other way round. Only the columns the model reads are kept.
table::Table swappedColumns(const CheckContext &context, const std::string &a, const std::string &b)
{
    std::vector<table::Column> columns;
    for (const auto &column : context.inputs.data.columns()) {
        const std::string &name = column.name();
        const std::string &renamed = name == a ? b : name == b ? a : name;
        if (!context.featureIndex(renamed))
            continue;
        columns.push_back(column);
        columns.back().setName(renamed);
    }
    return table::Table(std::move(columns));
}

double standardDeviation(const FeatureMatrix &matrix, std::size_t feature)
{
    double sum = 0, sumSquares = 0;
    std::size_t count = 0;
    for (std::size_t row = 0; row < matrix.rows; ++row)
        if (const double value = matrix.at(row, feature); !std::isnan(value)) {
            sum += value;
            sumSquares += value * value;
            ++count;
        }
    if (count < 2)
        return 0;
    const double mean = sum / static_cast<double>(count);
    return std::sqrt(
        std::max(0.0, (sumSquares - count * mean * mean) / static_cast<double>(count - 1)));
}

// The value `set` writes into the feature's matrix column.
Result<double> setValue(const CheckContext &context, const InvarianceCheck &check,
                        const FeatureSpec &feature)
{
    if (!check.value)
        return kMissing;
    const std::string &text = *check.value;
    if (feature.kind == FeatureKind::Categorical) {
        for (std::size_t code = 0; code < feature.categories.size(); ++code)
            if (feature.categories[code] == text)
                return static_cast<double>(code);
        std::string known;
        for (const auto &category : feature.categories)
            known += (known.empty() ? "" : ", ") + category;
        return context.error("invariance.value", "'" + text + "' is not a category of '" +
                                                     feature.name + "' the model knows (" + known +
                                                     "; null sets it missing)");
    }
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size())
        return context.error("invariance.value", "'" + feature.name +
                                                     "' is numeric; expected a number, got '" +
                                                     text + "'");
    return number;
}

// Perturbs column `feature` of `x` (the test's rows) in place.
Status perturbFeature(CheckContext &context, const InvarianceCheck &check, std::size_t feature,
                      FeatureMatrix &x)
{
    const FeatureSpec &spec = x.features[feature];
    const std::size_t stride = x.columns();
    switch (check.perturbation) {
    case Perturbation::Noise: {
        if (spec.kind != FeatureKind::Numeric)
            return context.error("invariance.perturb", "noise needs a numeric feature; '" +
                                                           spec.name + "' is categorical");
        const double sd = standardDeviation(context.inputs.matrix, feature);
        if (!(sd > 0))
            return context.error("invariance.column", "'" + spec.name +
                                                          "' does not vary in the data, so noise "
                                                          "relative to its spread is zero");
        for (std::size_t row = 0; row < x.rows; ++row)
            if (double &value = x.values[row * stride + feature]; !std::isnan(value))
                value += context.random.normal(0, check.scale * sd);
        return {};
    }
    case Perturbation::Set: {
        auto value = setValue(context, check, spec);
        if (!value)
            return value.error();
        for (std::size_t row = 0; row < x.rows; ++row)
            x.values[row * stride + feature] = *value;
        return {};
    }
    case Perturbation::Shuffle:
        for (std::size_t row = x.rows; row > 1; --row) {
            const auto other =
                static_cast<std::size_t>(context.random.uniform() * static_cast<double>(row));
            std::swap(x.values[(row - 1) * stride + feature], x.values[other * stride + feature]);
        }
        return {};
    case Perturbation::Swap:
        break;
    }
    return Error::internal("swap is not a per-feature perturbation");
}

Result<FeatureMatrix> perturbed(CheckContext &context, const InvarianceCheck &check)
{
    if (check.perturbation == Perturbation::Swap) {
        const auto swapped = swappedColumns(context, check.column, check.with);
        auto matrix = buildMatrix(swapped, context.inputs.model.signature().features,
                                  context.inputs.dataName);
        if (!matrix)
            return context.error("invariance.with", matrix.error().message);
        return matrix->subset(context.rows);
    }
    FeatureMatrix x = context.inputs.matrix.subset(context.rows);
    if (const auto feature = context.featureIndex(check.column))
        ASSAY_TRY(perturbFeature(context, check, *feature, x));
    return x;
}

} // namespace

Result<ModelTestResult> checkInvariance(CheckContext &context, const InvarianceCheck &check)
{
    const auto &data = context.inputs.data;
    if (!data.indexOf(check.column))
        return context.error("invariance.column", "no column '" + check.column + "' in " +
                                                      std::string(context.inputs.dataName));
    if (check.perturbation == Perturbation::Swap && !data.indexOf(check.with))
        return context.error("invariance.with", "no column '" + check.with + "' in " +
                                                    std::string(context.inputs.dataName));
    ModelTestResult result;
    result.bound = "<= " + formatBound(check.maxChange);
    const bool readsColumn =
        context.featureIndex(check.column) ||
        (check.perturbation == Perturbation::Swap && context.featureIndex(check.with));
    if (!readsColumn) {
        result.value = 0;
        result.passed = true;
        result.detail =
            "the model does not read '" + check.column + "', so predictions cannot change";
        return result;
    }

    auto x = perturbed(context, check);
    if (!x)
        return x.error();
    const auto after = context.inputs.model.predictions(*x);
    const auto &before = context.inputs.predictions;
    const std::size_t outputs = context.outputs();
    double largest = 0, total = 0;
    std::size_t worstRow = 0, worstOutput = 0, over = 0;
    for (std::size_t i = 0; i < context.rows.size(); ++i) {
        double rowChange = 0;
        for (std::size_t output = 0; output < outputs; ++output) {
            const double was = before[context.rows[i] * outputs + output];
            const double now = after[i * outputs + output];
            // A prediction that becomes NaN, or stops being NaN, changed without bound.
            const double change = std::isnan(was) && std::isnan(now) ? 0.0
                                  : std::isnan(was) || std::isnan(now)
                                      ? std::numeric_limits<double>::infinity()
                                      : std::abs(now - was);
            if (change > largest) {
                largest = change;
                worstRow = i;
                worstOutput = output;
            }
            rowChange = std::max(rowChange, change);
        }
        total += rowChange;
        over += rowChange > check.maxChange;
    }
    result.value = largest;
    result.passed = largest <= check.maxChange;
    const std::size_t row = context.rows[worstRow];
    if (largest == 0) {
        result.detail = context.rowsText(context.rows.size()) + ", no prediction changes";
        return result;
    }
    result.detail = context.rowsText(context.rows.size()) + ", mean change " +
                    formatMeasure(total / static_cast<double>(context.rows.size())) +
                    "; largest at row " + std::to_string(row + 1) + ": " +
                    context.outputName(worstOutput) + " " +
                    formatMeasure(before[row * outputs + worstOutput]) + " -> " +
                    formatMeasure(after[worstRow * outputs + worstOutput]) +
                    (over > 0 ? "; " + formatCount(over) + " rows change by more than " +
                                    formatBound(check.maxChange)
                              : "");
    return result;
}

} // namespace assay::model
