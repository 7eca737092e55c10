#include "model/newton_solver.h"

#include <cmath>
#include <limits>

namespace assay::model::linear {

namespace {

// A sum of many rounded terms is good to a few hundred ulps of its magnitude at best.
constexpr double kObjectiveRounding = 256 * std::numeric_limits<double>::epsilon();

} // namespace

Result<NewtonResult> minimiseByNewton(
    const std::function<double(const Eigen::VectorXd &)> &value,
    const std::function<void(const Eigen::VectorXd &, Eigen::VectorXd &, Eigen::MatrixXd &)>
        &gradientAndHessian,
    Eigen::VectorXd start, const NewtonOptions &options)
{
    NewtonResult result;
    result.parameters = std::move(start);
    Eigen::VectorXd gradient;
    Eigen::MatrixXd hessian;
    Eigen::VectorXd step;
    Eigen::VectorXd candidate;
    Eigen::LDLT<Eigen::MatrixXd> factorisation;
    double current = value(result.parameters);
    for (int iteration = 0; iteration < options.maxIterations; ++iteration) {
        if (options.progress.isCancelled())
            return Error::cancelled();
        options.progress.report(double(iteration) / options.maxIterations, "newton");
        if (options.onIteration)
            options.onIteration(iteration, result.parameters);
        gradientAndHessian(result.parameters, gradient, hessian);
        result.iterations = iteration;
        if (gradient.cwiseAbs().maxCoeff() <= options.tolerance) {
            result.converged = true;
            break;
        }
        factorisation.compute(hessian);
        step = factorisation.solve(-gradient);
        const double slope = gradient.dot(step); // minus the Newton decrement
        if (!std::isfinite(slope))
            break;
        if (-slope / 2 <= kObjectiveRounding * std::max(1.0, std::abs(current))) {
            result.parameters += step;
            result.iterations = iteration + 1;
            result.converged = true;
            break;
        }
        double length = 1;
        candidate = result.parameters + step;
        double next = value(candidate);
        while (!(next <= current + 1e-4 * length * slope) && length > 1e-12) {
            length /= 2;
            candidate = result.parameters + length * step;
            next = value(candidate);
        }
        if (!(next <= current)) // no descent left: as close as floating point gets
            break;
        std::swap(result.parameters, candidate);
        current = next;
        result.iterations = iteration + 1;
    }
    options.progress.report(1, "newton");
    return result;
}

} // namespace assay::model::linear
