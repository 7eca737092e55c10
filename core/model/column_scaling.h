#pragma once

// Internal to core/model: the change of variables the linear trainers solve in.

#include "common/result.h"
#include "model/linear_design.h"

#include <Eigen/Dense>

#include <string>
#include <vector>

namespace assay::model::linear {

// Each design column x_j is replaced by z_j = (x_j - centre_j) / scale_j (its training mean and
// standard deviation; scale 1 for a constant column). A model margin b + Σ w_j x_j equals
// b' + Σ β_j z_j with w_j = β_j / scale_j and b = b' - Σ w_j centre_j, so fitting (β, b') and
// mapping back gives exactly the same optimum as fitting (w, b) directly, provided the penalty
// is still written on w: ½ Σ w_j² = ½ Σ β_j² · penaltyWeight_j. Only the conditioning changes:
// a column of 1.7e18 nanoseconds and a 0/1 indicator both become unit-variance columns, so
// Newton and Cholesky systems stay well conditioned and gradients are comparable across columns.
struct ColumnScaling {
    Eigen::VectorXd centre;
    Eigen::VectorXd scale;
    Eigen::VectorXd penaltyWeight; // 1 / scale²

    // z-space coefficients (one column per output) to original-unit coefficients.
    Eigen::MatrixXd coefficientsToOriginal(const Eigen::MatrixXd &beta) const;
    // Intercepts in original units for z-space intercepts and original-unit coefficients.
    Eigen::RowVectorXd interceptsToOriginal(const Eigen::RowVectorXd &zIntercepts,
                                            const Eigen::MatrixXd &coefficients) const;
    // Applies the change of variables to other rows (validation) in place.
    void standardise(Eigen::MatrixXd &x) const;
};

// Measures the columns of `x` and standardises them in place (no copy of the n × d design).
// InvalidInput naming the feature when a column cannot be fitted in its own units in double
// precision: its spread overflows, or it varies so little about values so large (|mean| more
// than 1e8 standard deviations) that a model in its units would lose over half the precision of
// every prediction to cancellation between the coefficient and the intercept.
Result<ColumnScaling> standardiseColumns(Eigen::MatrixXd &x, const DesignLayout &layout,
                                         const std::vector<FeatureSpec> &features,
                                         const std::string &trainer);

} // namespace assay::model::linear
