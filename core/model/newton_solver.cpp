#include "model/newton_solver.h"

namespace assay::model::linear {

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
        const Eigen::VectorXd step = hessian.ldlt().solve(-gradient);
        const double slope = gradient.dot(step);
        double length = 1;
        Eigen::VectorXd candidate = result.parameters + step;
        double next = value(candidate);
        while (next > current + 1e-4 * length * slope && length > 1e-12) {
            length /= 2;
            candidate = result.parameters + length * step;
            next = value(candidate);
        }
        if (!(next <= current)) // no descent left: as close as floating point gets
            break;
        result.parameters = std::move(candidate);
        current = next;
        result.iterations = iteration + 1;
    }
    options.progress.report(1, "newton");
    return result;
}

} // namespace assay::model::linear
