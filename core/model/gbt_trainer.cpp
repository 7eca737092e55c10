#include "model/gbt_trainer.h"

#include "model/boosting_objective.h"
#include "model/feature_binning.h"
#include "model/gbt_booster.h"
#include "model/gbt_params.h"
#include "model/tree_ensemble.h"
#include "model/worker_pool.h"

#include <cmath>
#include <limits>
#include <string>

namespace assay::model {

namespace {

// Checks the labels fit the task: 0/1 for binary, class indices for multiclass, finite numbers
// for regression. `what` names the rows in messages ("training", "validation").
Status checkTarget(std::span<const double> y, const ModelSignature &signature,
                   std::string_view what)
{
    const std::size_t classes = signature.task == Task::Binary ? 2 : signature.classes.size();
    for (std::size_t row = 0; row < y.size(); ++row) {
        const double value = y[row];
        const bool fits =
            signature.task == Task::Regression
                ? std::isfinite(value)
                : value >= 0 && value == std::floor(value) && value < static_cast<double>(classes);
        if (!fits)
            return Error::invalidInput(
                std::string(what) + " target '" + signature.target + "': row " +
                std::to_string(row + 1) + " holds " + std::to_string(value) + ", not a valid " +
                (signature.task == Task::Regression ? "number" : "class index"));
    }
    return {};
}

Status checkSets(const TrainingSet &set, const TrainOptions &options, const GbtParams &params)
{
    if (!set.x || set.x->rows == 0)
        return Error::invalidInput("gbt: no training rows");
    if (set.y.size() != set.x->rows)
        return Error::invalidInput("gbt: " + std::to_string(set.y.size()) + " target values for " +
                                   std::to_string(set.x->rows) + " training rows");
    if (set.x->rows >= std::numeric_limits<std::uint32_t>::max())
        return Error::invalidInput("gbt: too many training rows");
    if (set.signature.task == Task::Multiclass && set.signature.classes.size() < 2)
        return Error::invalidInput("gbt: target '" + set.signature.target +
                                   "' needs at least two classes");
    ASSAY_TRY(checkTarget(set.y, set.signature, "training"));
    if (params.earlyStoppingRounds > 0 && !options.validation)
        return Error::invalidInput("parameter 'early_stopping_rounds' needs a validation set");
    if (!options.validation)
        return {};
    const TrainingSet &valid = *options.validation;
    if (!valid.x || valid.y.size() != valid.x->rows)
        return Error::invalidInput("gbt: the validation rows and target values differ in number");
    if (valid.x->features.size() != set.x->features.size())
        return Error::invalidInput("gbt: the validation rows have " +
                                   std::to_string(valid.x->features.size()) + " features, not " +
                                   std::to_string(set.x->features.size()));
    return checkTarget(valid.y, set.signature, "validation");
}

class GradientBoostingTrainer final : public Trainer {
public:
    std::string name() const override { return "gbt"; }
    std::string description() const override
    {
        return "gradient-boosted trees on feature histograms (XGBoost's hist method)";
    }
    std::vector<ParamSpec> params() const override { return GbtParams::specs(); }
    bool supports(Task) const override { return true; }

    Result<std::unique_ptr<Model>> train(const TrainingSet &set,
                                         const TrainOptions &options) const override
    {
        const GbtParams params = GbtParams::from(options.params);
        ASSAY_TRY(checkSets(set, options, params));
        WorkerPool pool(options.threads);
        const auto objective =
            makeBoostingObjective(set.signature.task, set.signature.classes.size());
        options.progress.report(0, "binning features");
        auto bins = binFeatures(*set.x, params.maxBin, pool);
        if (!bins)
            return bins.error();

        Booster booster(*set.x, set.y, *bins, *objective, params, options.seed, pool);
        if (options.validation)
            booster.setValidation(*options.validation->x, options.validation->y);
        const std::string metric(objective->metricName());
        const bool earlyStopping = params.earlyStoppingRounds > 0;
        int bestRound = params.nEstimators - 1;
        double bestLoss = std::numeric_limits<double>::infinity();
        for (int round = 0; round < params.nEstimators; ++round) {
            if (options.progress.isCancelled())
                return Error::cancelled();
            booster.boostRound();
            IterationReport report{round, {}};
            if (options.onIteration)
                report.metrics["train_" + metric] = booster.trainMetric();
            if (options.validation && (options.onIteration || earlyStopping)) {
                const double loss = booster.validationMetric();
                report.metrics["valid_" + metric] = loss;
                if (loss < bestLoss) {
                    bestLoss = loss;
                    bestRound = round;
                }
            }
            if (options.onIteration)
                options.onIteration(report);
            options.progress.report(static_cast<double>(round + 1) / params.nEstimators,
                                    "boosting");
            if (earlyStopping && round - bestRound >= params.earlyStoppingRounds)
                break;
        }
        if (!earlyStopping)
            bestRound = params.nEstimators - 1;
        std::vector<Tree> trees = booster.takeTrees(bestRound + 1);
        return std::unique_ptr<Model>(std::make_unique<TreeEnsemble>(
            set.signature, std::move(trees), booster.baseMargin(), objective->link()));
    }
};

} // namespace

std::unique_ptr<Trainer> makeGradientBoostingTrainer()
{
    return std::make_unique<GradientBoostingTrainer>();
}

} // namespace assay::model
