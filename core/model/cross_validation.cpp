#include "model/cross_validation.h"

#include <cmath>

namespace assay::model {

namespace {

std::vector<double> valuesAt(std::span<const double> values, const std::vector<std::size_t> &rows)
{
    std::vector<double> picked;
    picked.reserve(rows.size());
    for (std::size_t row : rows)
        picked.push_back(values[row]);
    return picked;
}

std::map<std::string, MetricSummary> summarise(const std::vector<FoldResult> &folds)
{
    std::map<std::string, std::vector<double>> values;
    for (const auto &fold : folds)
        for (const auto &[name, value] : fold.evaluation.metrics)
            values[name].push_back(value);
    std::map<std::string, MetricSummary> summary;
    for (const auto &[name, list] : values) {
        MetricSummary s;
        s.folds = list.size();
        for (double v : list)
            s.mean += v / double(list.size());
        if (list.size() > 1) {
            double squares = 0;
            for (double v : list)
                squares += (v - s.mean) * (v - s.mean);
            s.std = std::sqrt(squares / double(list.size() - 1));
        }
        summary[name] = s;
    }
    return summary;
}

std::string foldName(const Fold &fold)
{
    return "fold " + std::to_string(fold.index + 1) +
           (fold.repeat > 0 ? " of repeat " + std::to_string(fold.repeat + 1) : "");
}

Result<FoldResult> trainFold(const Trainer &trainer, const TrainingSet &set, const Fold &fold,
                             const TrainOptions &options)
{
    for (const auto *rows : {&fold.train, &fold.test})
        for (std::size_t row : *rows)
            if (row >= set.x->rows)
                return Error::invalidInput("cross-validation: " + foldName(fold) + " names row " +
                                           std::to_string(row + 1) + " of " +
                                           std::to_string(set.x->rows));
    const FeatureMatrix trainX = set.x->subset(fold.train);
    const auto trainY = valuesAt(set.y, fold.train);
    auto model = trainer.train({&trainX, trainY, set.signature}, options);
    if (!model)
        return model.error().kind == ErrorKind::Cancelled
                   ? model.error()
                   : Error{model.error().kind, foldName(fold) + ": " + model.error().message};

    const FeatureMatrix testX = set.x->subset(fold.test);
    const auto testY = valuesAt(set.y, fold.test);
    const auto predictions = (*model)->predictions(testX, options.threads);
    auto evaluation = evaluate(set.signature.task, set.signature.classes.size(), testY, predictions);
    if (!evaluation)
        return Error{evaluation.error().kind, foldName(fold) + ": " + evaluation.error().message};
    return FoldResult{fold.repeat, fold.index, fold.train.size(), std::move(*evaluation),
                      std::move(*model)};
}

} // namespace

Result<CrossValidation> crossValidate(const Trainer &trainer, const TrainingSet &set,
                                      const std::vector<Fold> &folds, const TrainOptions &options,
                                      FoldObserver *observer)
{
    if (folds.empty())
        return Error::invalidInput("cross-validation needs at least one fold");
    if (!set.x || set.y.size() != set.x->rows)
        return Error::invalidInput("cross-validation: the target and the features differ in rows");
    CrossValidation result;
    for (std::size_t f = 0; f < folds.size(); ++f) {
        if (options.progress.isCancelled())
            return Error::cancelled();
        const auto &outer = options.progress;
        const double total = double(folds.size());
        TrainOptions foldOptions = options;
        foldOptions.progress = Progress(
            [&outer, f, total](double fraction, std::string_view stage) {
                outer.report((double(f) + fraction) / total, stage);
            },
            outer.token());
        if (observer) {
            ASSAY_TRY(observer->foldStarting(f));
            foldOptions.onIteration = [&options, observer, f](const IterationReport &report) {
                observer->foldIteration(f, report);
                if (options.onIteration)
                    options.onIteration(report);
            };
        }
        auto fold = trainFold(trainer, set, folds[f], foldOptions);
        if (observer) {
            const Status outcome = fold ? Status() : Status(fold.error());
            ASSAY_TRY(observer->foldFinished(f, fold ? &*fold : nullptr, outcome));
        }
        if (!fold)
            return fold.error();
        result.folds.push_back(std::move(*fold));
        outer.report(double(f + 1) / total, "cross-validation");
    }
    result.summary = summarise(result.folds);
    return result;
}

} // namespace assay::model
