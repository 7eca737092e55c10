#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "model/cross_validation.h"
#include "model/metrics.h"
#include "model/model_document.h"
#include "model/trainer.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::model {

// What `assay train` and the train dialog ask for.
struct TrainRequest {
    std::string data;                  // a file or PATH@REV
    std::string target;
    std::vector<std::string> features; // empty: every column but the target and `exclude`
    std::vector<std::string> exclude;  // columns that are not features (ids, dates)
    std::string trainer = "gbt";
    std::map<std::string, std::string> params;
    std::optional<Task> task;          // inferred from the target when unset
    // Train/validation/test fractions; the validation part drives early stopping and the
    // validation curves. Ignored when folds > 0.
    double trainFraction = 0.7;
    double validationFraction = 0.15;
    double testFraction = 0.15;
    int folds = 0;                     // > 0: k-fold cross-validation (stratified for classifiers)
    int repeats = 1;                   // repeated k-fold: fresh shuffles, folds × repeats runs
    // Rows with the same value here stay together in one part or fold (grouped split, group
    // k-fold) — e.g. a customer id; the column is then no feature by default.
    std::string groupColumn;
    std::string experiment;            // empty: the default experiment
    std::string runName;               // empty: "<trainer> · <target>"
    std::uint64_t seed = 0;
    unsigned threads = 0;
};

// An Evaluation of one part of the rows: "train", "valid", "test", or a fold's "valid".
struct PartEvaluation {
    std::string part;
    Evaluation evaluation;
};

struct FoldOutcome {
    std::string runId; // the fold's child run
    Evaluation evaluation;
};

struct TrainOutcome {
    std::string runId;
    std::shared_ptr<const Model> model;
    ModelMetadata metadata;
    std::size_t rows = 0;               // rows with a target value
    std::size_t rowsWithoutTarget = 0;  // left out
    std::vector<PartEvaluation> parts;  // split: train, valid (when any), test (when any)
    std::vector<FoldOutcome> folds;     // cross-validation
    std::map<std::string, MetricSummary> foldSummary;
};

// Reads the data, trains, evaluates and records everything as a run in the workspace's
// tracking store: params, the per-round curves, final metrics ("train_auc", "test_rmse", …;
// cross-validation: one child run per fold and "cv_<metric>_mean/std" on the parent), the
// model document as artifact model/model.json, the evaluation as model/evaluation.json and
// the dataset input with its md5 and revision. A failure after the run started marks it
// FAILED, cancelling marks it KILLED. `onIteration` sees every boosting round as it happens.
Result<TrainOutcome> trainAndRecord(workspace::Workspace &workspace, const TrainRequest &request,
                                    const Progress &progress = {},
                                    std::function<void(const IterationReport &)> onIteration = {});

} // namespace assay::model
