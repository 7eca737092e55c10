#pragma once

#include "common/result.h"
#include "model/metrics.h"
#include "model/splits.h"
#include "model/trainer.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace assay::model {

// One fold's model and how it did on the rows it did not see.
struct FoldResult {
    int repeat = 0;
    int index = 0;
    std::size_t trainRows = 0;
    Evaluation evaluation; // on the fold's test rows
    std::unique_ptr<Model> model;
};

// A metric over the folds that report it (AUCs are left out of folds holding one class).
struct MetricSummary {
    double mean = 0;
    double std = 0;        // sample standard deviation (ddof = 1, as pandas); 0 for one fold
    std::size_t folds = 0; // how many folds reported the metric
};

struct CrossValidation {
    std::vector<FoldResult> folds; // in the order of the folds given
    std::map<std::string, MetricSummary> summary;
};

// Follows the folds as they go, e.g. to record each fold as a run of its own.
class FoldObserver {
public:
    virtual ~FoldObserver() = default;
    // Before fold `index` trains; an error stops the cross-validation with that error.
    virtual Status foldStarting(std::size_t index) = 0;
    // Each round of the fold's training.
    virtual void foldIteration(std::size_t index, const IterationReport &report) = 0;
    // After the fold was evaluated (`result`) or failed (`result` null, `outcome` the error).
    virtual Status foldFinished(std::size_t index, const FoldResult *result, const Status &outcome) = 0;
};

// Trains `trainer` on each fold's train rows of `set` with `options` (same params and seed for
// every fold; options.validation, if any, is used as given) and evaluates it on the fold's test
// rows. Progress runs from 0 to 1 across the folds; cancellation stops between and inside folds
// (Cancelled). A fold's training error is returned prefixed with the fold ("fold 3: ...").
Result<CrossValidation> crossValidate(const Trainer &trainer, const TrainingSet &set,
                                      const std::vector<Fold> &folds, const TrainOptions &options,
                                      FoldObserver *observer = nullptr);

} // namespace assay::model
