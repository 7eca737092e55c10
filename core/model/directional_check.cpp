// Directional expectations: individual conditional expectation curves over a grid of one
// feature must move only one way.

#include "model/model_check_context.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace assay::model {

namespace {

// Up to `count` of `rows`, drawn without replacement, in data order.
std::vector<std::size_t> sampleRows(std::vector<std::size_t> rows, std::size_t count,
                                    Random &random)
{
    if (rows.size() <= count)
        return rows;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t pick =
            i + static_cast<std::size_t>(random.uniform() * static_cast<double>(rows.size() - i));
        std::swap(rows[i], rows[pick]);
    }
    rows.resize(count);
    std::sort(rows.begin(), rows.end());
    return rows;
}

Result<std::size_t> outputOf(const CheckContext &context, const DirectionalCheck &check)
{
    const auto &signature = context.inputs.model.signature();
    if (signature.task != Task::Multiclass) {
        if (!check.outputClass.empty())
            return context.error("directional.class",
                                 "only multiclass models need a class; this one is " +
                                     std::string(taskName(signature.task)));
        return 0;
    }
    if (check.outputClass.empty())
        return context.error("directional.class", "a multiclass model needs the class whose "
                                                  "probability should move");
    const auto found =
        std::find(signature.classes.begin(), signature.classes.end(), check.outputClass);
    if (found == signature.classes.end())
        return context.error("directional.class",
                             "'" + check.outputClass + "' is not a class of the model");
    return static_cast<std::size_t>(found - signature.classes.begin());
}

} // namespace

Result<ModelTestResult> checkDirectional(CheckContext &context, const DirectionalCheck &check)
{
    if (!context.inputs.data.indexOf(check.column))
        return context.error("directional.column", "no column '" + check.column + "' in " +
                                                       std::string(context.inputs.dataName));
    const auto feature = context.featureIndex(check.column);
    if (!feature)
        return context.error("directional.column",
                             "the model does not read '" + check.column + "'");
    const FeatureMatrix &matrix = context.inputs.matrix;
    if (matrix.features[*feature].kind != FeatureKind::Numeric)
        return context.error("directional.column", "'" + check.column +
                                                       "' is categorical; "
                                                       "directions need a numeric feature");
    auto output = outputOf(context, check);
    if (!output)
        return output.error();

    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t row = 0; row < matrix.rows; ++row)
        if (const double value = matrix.at(row, *feature); !std::isnan(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    if (!(low < high))
        return context.error("directional.column", "'" + check.column +
                                                       "' takes a single value in " +
                                                       std::string(context.inputs.dataName) +
                                                       "; there is nothing to vary");
    std::vector<double> grid(check.steps);
    for (std::size_t step = 0; step < check.steps; ++step)
        grid[step] = step + 1 == check.steps ? high
                                             : low + (high - low) * static_cast<double>(step) /
                                                         static_cast<double>(check.steps - 1);

    const auto rows = sampleRows(context.rows, check.rows, context.random);
    // One matrix row per (sampled row, grid value), the sampled rows' curves one after another.
    std::vector<std::size_t> repeated;
    repeated.reserve(rows.size() * grid.size());
    for (const std::size_t row : rows)
        repeated.insert(repeated.end(), grid.size(), row);
    FeatureMatrix x = matrix.subset(repeated);
    for (std::size_t i = 0; i < repeated.size(); ++i)
        x.values[i * x.columns() + *feature] = grid[i % grid.size()];
    const auto predictions = context.inputs.model.predictions(x);
    const std::size_t outputs = context.outputs();
    const double sign = check.direction == DirectionalCheck::Direction::Increasing ? 1.0 : -1.0;

    double worst = 0; // the largest step against the direction
    std::size_t violatingRows = 0;
    std::string firstViolation;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        bool violated = false;
        for (std::size_t step = 0; step + 1 < grid.size(); ++step) {
            const double from = predictions[(r * grid.size() + step) * outputs + *output];
            const double to = predictions[(r * grid.size() + step + 1) * outputs + *output];
            const double against = std::isnan(from) || std::isnan(to)
                                       ? std::numeric_limits<double>::infinity()
                                       : sign * (from - to);
            worst = std::max(worst, against);
            if (against > check.tolerance && !violated) {
                violated = true;
                if (firstViolation.empty())
                    firstViolation = "first row " + std::to_string(rows[r] + 1) + ": " +
                                     check.column + " " + formatMeasure(grid[step]) + " -> " +
                                     formatMeasure(grid[step + 1]) + " moves " +
                                     context.outputName(*output) + " " + formatMeasure(from) +
                                     " -> " + formatMeasure(to);
            }
        }
        violatingRows += violated;
    }
    ModelTestResult result;
    result.value = worst;
    result.passed = violatingRows == 0;
    result.bound = "<= " + formatBound(check.tolerance);
    result.detail =
        context.rowsText(context.rows.size()) +
        (rows.size() < context.rows.size() ? " (" + formatCount(rows.size()) + " sampled)" : "") +
        ", " + std::to_string(grid.size()) + " steps of " + check.column + " from " +
        formatMeasure(low) + " to " + formatMeasure(high);
    if (violatingRows > 0)
        result.detail += "; " + formatCount(violatingRows) + " go " + (sign > 0 ? "down" : "up") +
                         ", " + firstViolation;
    return result;
}

} // namespace assay::model
