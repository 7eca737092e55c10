#include "model/column_scaling.h"
#include "model/linear_fit.h"
#include "model/linear_model.h"
#include "model/linear_trainers.h"
#include "model/logistic_objective.h"
#include "model/newton_solver.h"
#include "model/param_defaults.h"

namespace assay::model {

namespace {

class LogisticRegressionTrainer final : public Trainer {
public:
    std::string name() const override { return "logreg"; }
    std::string description() const override
    {
        return "Logistic regression with an L2 penalty (binary, or multinomial for more classes)";
    }
    std::vector<ParamSpec> params() const override
    {
        return {
            {"C",
             ParamSpec::Type::Double,
             1.0,
             1e-8,
             1e12,
             {},
             "inverse penalty: minimises C·Σ log loss + ½||w||² (as sklearn)"},
            {"max_iter", ParamSpec::Type::Int, 100, 1, 100000, {}, "most Newton iterations"},
            {"tol",
             ParamSpec::Type::Double,
             1e-6,
             0,
             1,
             {},
             "stop when every gradient component (columns standardised) is at most this"},
        };
    }
    bool supports(Task task) const override { return task != Task::Regression; }

    Result<std::unique_ptr<Model>> train(const TrainingSet &set,
                                         const TrainOptions &options) const override
    {
        ASSAY_TRY(linear::checkTrainingSet(set, name()));
        if (set.signature.task == Task::Regression)
            return Error::invalidInput("logreg learns classification targets only");
        const auto specs = params();
        const DesignLayout layout(set.signature.features, /*dropFirstLevel=*/false);
        linear::Design design = linear::makeDesign(set, layout);
        const auto scaling =
            linear::standardiseColumns(design.x, layout, set.signature.features, name());
        if (!scaling)
            return scaling.error();
        const Eigen::Index outputs = Eigen::Index(set.signature.outputCount());
        linear::LogisticObjective objective(design.x, design.y, outputs,
                                            numberOrDefault(options.params, specs, "C"),
                                            scaling->penaltyWeight);

        linear::NewtonOptions newton;
        newton.maxIterations = int(numberOrDefault(options.params, specs, "max_iter"));
        newton.tolerance = numberOrDefault(options.params, specs, "tol");
        newton.progress = options.progress;
        Eigen::MatrixXd validationX;
        Eigen::VectorXd validationY;
        if (options.validation && options.validation->x) {
            validationX = linear::expand(*options.validation->x, layout, design.means);
            scaling->standardise(validationX);
            validationY = Eigen::Map<const Eigen::VectorXd>(
                options.validation->y.data(), Eigen::Index(options.validation->y.size()));
        }
        if (options.onIteration)
            newton.onIteration = [&](int iteration, const Eigen::VectorXd &theta) {
                IterationReport report;
                report.iteration = iteration;
                report.metrics["train_logloss"] = objective.meanLogLoss(theta);
                if (validationX.rows() > 0)
                    report.metrics["valid_logloss"] =
                        objective.meanLogLoss(validationX, validationY, theta);
                options.onIteration(report);
            };
        const auto solved = linear::minimiseByNewton(
            [&](const Eigen::VectorXd &theta) { return objective.value(theta); },
            [&](const Eigen::VectorXd &theta, Eigen::VectorXd &gradient, Eigen::MatrixXd &hessian) {
                objective.gradientAndHessian(theta, gradient, hessian);
            },
            Eigen::VectorXd::Zero(objective.parameterCount()), newton);
        if (!solved)
            return solved.error();

        const Eigen::Index d = Eigen::Index(layout.columns());
        const Eigen::Map<const Eigen::MatrixXd> theta(solved->parameters.data(), d + 1, outputs);
        const Eigen::MatrixXd coefficients = scaling->coefficientsToOriginal(theta.topRows(d));
        const Eigen::RowVectorXd intercepts =
            scaling->interceptsToOriginal(theta.row(d), coefficients);
        if (!coefficients.allFinite() || !intercepts.allFinite())
            return Error::invalidInput(name() + ": the fit diverged (non-finite coefficients); "
                                                "check the features for extreme values");
        LinearParameters parameters;
        parameters.means = design.means;
        for (Eigen::Index o = 0; o < outputs; ++o) {
            const auto column = coefficients.col(o);
            parameters.coefficients.emplace_back(column.data(), column.data() + d);
            parameters.intercepts.push_back(intercepts(o));
        }
        return std::unique_ptr<Model>(
            std::make_unique<LinearModel>(set.signature, std::move(parameters)));
    }
};

} // namespace

std::unique_ptr<Trainer> makeLogisticRegressionTrainer()
{
    return std::make_unique<LogisticRegressionTrainer>();
}

} // namespace assay::model
