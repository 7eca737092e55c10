#include "model/least_squares.h"
#include "model/linear_trainers.h"

namespace assay::model {

namespace {

class LinearRegressionTrainer final : public Trainer {
public:
    std::string name() const override { return "linreg"; }
    std::string description() const override
    {
        return "Linear regression by ordinary least squares";
    }
    std::vector<ParamSpec> params() const override { return {}; }
    bool supports(Task task) const override { return task == Task::Regression; }
    Result<std::unique_ptr<Model>> train(const TrainingSet &set,
                                         const TrainOptions &options) const override
    {
        // Reference coding: with every level coded the indicators would sum to the intercept's
        // column, and least squares would have no unique solution.
        return linear::fitLeastSquares(set, 0.0, /*dropFirstLevel=*/true, options.progress, name());
    }
};

} // namespace

std::unique_ptr<Trainer> makeLinearRegressionTrainer()
{
    return std::make_unique<LinearRegressionTrainer>();
}

} // namespace assay::model
