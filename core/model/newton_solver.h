#pragma once

// Damped Newton minimisation for smooth convex objectives; internal to core/model.

#include "common/progress.h"
#include "common/result.h"

#include <Eigen/Dense>

#include <functional>

namespace assay::model::linear {

struct NewtonOptions {
    int maxIterations = 100;
    double tolerance = 1e-6; // stop when max |gradient| <= tolerance
    Progress progress;
    // Called before each step with the iteration number and the current parameters.
    std::function<void(int, const Eigen::VectorXd &)> onIteration;
};

struct NewtonResult {
    Eigen::VectorXd parameters;
    int iterations = 0;
    bool converged = false;
};

// Newton steps from `start`, each shortened by backtracking until the objective decreases
// enough (Armijo). `value(θ)` and `gradientAndHessian(θ, g, H)` describe the objective, whose
// Hessian must be positive definite. Converged when max |g| <= tolerance, or when the decrease
// the Newton model predicts (half the Newton decrement gᵀH⁻¹g, which does not depend on the
// parameters' units) is below the rounding error of the objective itself: from there on no step
// can be told apart from noise, so the last full step is taken and the loop stops instead of
// backtracking through max_iter iterations. Cancelled when options.progress is.
Result<NewtonResult> minimiseByNewton(
    const std::function<double(const Eigen::VectorXd &)> &value,
    const std::function<void(const Eigen::VectorXd &, Eigen::VectorXd &, Eigen::MatrixXd &)>
        &gradientAndHessian,
    Eigen::VectorXd start, const NewtonOptions &options);

} // namespace assay::model::linear
