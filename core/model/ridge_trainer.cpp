#include "model/least_squares.h"
#include "model/linear_trainers.h"
#include "model/param_defaults.h"

namespace assay::model {

namespace {

class RidgeTrainer final : public Trainer {
public:
    std::string name() const override { return "ridge"; }
    std::string description() const override
    {
        return "Ridge regression: least squares with an L2 penalty on the coefficients";
    }
    std::vector<ParamSpec> params() const override
    {
        return {{"alpha",
                 ParamSpec::Type::Double,
                 1.0,
                 0.0,
                 1e12,
                 {},
                 "penalty weight: minimises ||y - Xw - b||² + alpha·||w||² (0 is OLS)"}};
    }
    bool supports(Task task) const override { return task == Task::Regression; }
    Result<std::unique_ptr<Model>> train(const TrainingSet &set,
                                         const TrainOptions &options) const override
    {
        const double alpha = numberOrDefault(options.params, params(), "alpha");
        // Every level coded: the penalty keeps the solution unique and treats levels alike.
        return linear::fitLeastSquares(set, alpha, /*dropFirstLevel=*/alpha == 0, options.progress,
                                       name());
    }
};

} // namespace

std::unique_ptr<Trainer> makeRidgeTrainer()
{
    return std::make_unique<RidgeTrainer>();
}

} // namespace assay::model
