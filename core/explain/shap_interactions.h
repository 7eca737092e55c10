#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace assay::explain {

// SHAP interaction values of a batch of rows, XGBoost's predict(pred_interactions=True)
// layout: rows × outputs × (features + 1) × (features + 1), row-major. The diagonal holds the
// main effects, the off-diagonal pairs split each interaction in two halves, and the last
// row and column hold the bias at [features][features]; each row of the matrix sums to that
// feature's SHAP value.
struct ShapInteractions {
    std::size_t rows = 0;
    std::size_t outputs = 0;
    std::size_t features = 0;
    std::vector<double> values;

    std::size_t width() const { return features + 1; }
    std::span<const double> of(std::size_t row, std::size_t output) const
    {
        return {values.data() + (row * outputs + output) * width() * width(), width() * width()};
    }
    std::span<double> of(std::size_t row, std::size_t output)
    {
        return {values.data() + (row * outputs + output) * width() * width(), width() * width()};
    }
};

} // namespace assay::explain
