// Checks on the predictions alone: all within a range, none NaN.

#include "model/model_check_context.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::model {

Result<ModelTestResult> checkPredictionRange(CheckContext &context,
                                             const PredictionRangeCheck &check)
{
    const std::size_t outputs = context.outputs();
    const auto &predictions = context.inputs.predictions;
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -lowest;
    std::size_t outside = 0;
    std::optional<std::pair<std::size_t, std::size_t>> first; // row, output
    for (const std::size_t row : context.rows)
        for (std::size_t output = 0; output < outputs; ++output) {
            const double value = predictions[row * outputs + output];
            lowest = std::min(lowest, value);
            highest = std::max(highest, value);
            // NaN is in no range.
            const bool inside = !std::isnan(value) && (!check.min || value >= *check.min) &&
                                (!check.max || value <= *check.max);
            if (!inside) {
                ++outside;
                if (!first)
                    first = {row, output};
            }
        }
    ModelTestResult result;
    result.value = static_cast<double>(outside);
    result.passed = outside == 0;
    result.bound = "== 0 outside [" + (check.min ? formatBound(*check.min) : "-inf") + ", " +
                   (check.max ? formatBound(*check.max) : "inf") + "]";
    result.detail = context.rowsText(context.rows.size()) + ", predictions from " +
                    formatMeasure(lowest) + " to " + formatMeasure(highest);
    if (first)
        result.detail += "; " + formatCount(outside) + " outside, first row " +
                         std::to_string(first->first + 1) + ": " +
                         context.outputName(first->second) + " " +
                         formatMeasure(predictions[first->first * outputs + first->second]);
    return result;
}

Result<ModelTestResult> checkNoNan(CheckContext &context, const NoNanCheck &)
{
    const std::size_t outputs = context.outputs();
    const auto &predictions = context.inputs.predictions;
    std::size_t nanRows = 0;
    std::optional<std::size_t> firstRow;
    for (const std::size_t row : context.rows) {
        const auto begin = predictions.begin() + static_cast<std::ptrdiff_t>(row * outputs);
        if (std::any_of(begin, begin + static_cast<std::ptrdiff_t>(outputs),
                        [](double value) { return std::isnan(value); })) {
            ++nanRows;
            if (!firstRow)
                firstRow = row;
        }
    }
    ModelTestResult result;
    result.value = static_cast<double>(nanRows);
    result.passed = nanRows == 0;
    result.bound = "== 0";
    result.detail = context.rowsText(context.rows.size()) +
                    (firstRow ? ", " + formatCount(nanRows) + " with a NaN prediction, first row " +
                                    std::to_string(*firstRow + 1)
                              : ", no NaN prediction");
    return result;
}

} // namespace assay::model
