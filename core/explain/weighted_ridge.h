#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace assay::explain {

struct RidgeFit {
    double intercept = 0;
    std::vector<double> coefficients;

    double predict(std::span<const double> row) const;
};

// Minimises Σ wᵢ (yᵢ − b − xᵢ·β)² + alpha·‖β‖² with the intercept b unpenalised: sklearn's
// Ridge(alpha).fit(X, y, sample_weight=w). `x` is row-major, y.size() rows × `columns`. With
// alpha = 0 and collinear columns the solution is one of many.
RidgeFit fitWeightedRidge(std::span<const double> x, std::size_t columns, std::span<const double> y,
                          std::span<const double> weights, double alpha);

// sklearn's r2_score(y, predicted, sample_weight=w): 1 − Σw(y−ŷ)² / Σw(y−ȳ_w)²; when y is
// constant, 1 for a perfect fit, else 0.
double weightedR2(std::span<const double> y, std::span<const double> predicted,
                  std::span<const double> weights);

} // namespace assay::explain
