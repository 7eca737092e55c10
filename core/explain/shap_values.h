#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace assay::explain {

// SHAP values of a batch of rows, in the model's margin space: per row and per output (class),
// one contribution per model feature followed by the bias (the expected margin), so that the
// contributions plus the bias add up to the row's margin. The layout of XGBoost's
// predict(pred_contribs=True): rows × outputs × (features + 1), row-major.
struct ShapValues {
    std::size_t rows = 0;
    std::size_t outputs = 0;
    std::size_t features = 0;
    std::vector<double> values;

    std::size_t width() const { return features + 1; }
    // The contributions of `row` to `output`, then the bias.
    std::span<const double> of(std::size_t row, std::size_t output) const
    {
        return {values.data() + (row * outputs + output) * width(), width()};
    }
    std::span<double> of(std::size_t row, std::size_t output)
    {
        return {values.data() + (row * outputs + output) * width(), width()};
    }
    double bias(std::size_t row, std::size_t output) const { return of(row, output)[features]; }
};

} // namespace assay::explain
