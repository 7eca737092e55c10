#pragma once

#include "track/run_record.h"

#include <QString>

#include <optional>
#include <vector>

namespace assay::ui {

// One trained model as the Models area lists it: a run `assay train` (or the train dialog)
// recorded, with the figure that says how good it is.
struct ModelRunSummary {
    QString runId;
    QString name;
    QString modelType; // the trainer: "gbt", "logreg", …
    QString task;      // "binary", "multiclass", "regression"
    QString target;
    QString experiment;
    track::RunStatus status = track::RunStatus::Finished;
    std::optional<qint64> startMs;
    int folds = 0; // > 0: cross-validated

    // "test_roc_auc", "cv_rmse_mean", …; empty when the run logged none of the candidates.
    QString headlineKey;
    // The headline metric's name without part or suffix ("roc_auc"), and where it comes from.
    QString headlineMetric;
    QString headlinePart; // "test", "cv", "valid" or "train"
    double headlineValue = 0;
    std::optional<double> headlineStd; // cross-validation: the spread over the folds

    bool hasRoundCurves = false; // per-round training curves were logged (boosting)
    // What the last `assay test` of the model stored (metrics model_tests_passed/failed).
    std::optional<int> testsPassed;
    std::optional<int> testsFailed;

    bool hasHeadline() const { return !headlineKey.isEmpty(); }
    bool hasTests() const { return testsPassed.has_value() && testsFailed.has_value(); }
};

// True for a run that trained a model: Assay's training runs log the params "model", "target"
// and "task"; the per-fold child runs of a cross-validation are left out (they belong to
// their parent), as are runs whose parent is not a model run.
bool isModelRun(const track::RunRecord &run);

// The metric that best says how good a model of `task` is: ROC AUC for binary, accuracy for
// multiclass, RMSE for regression.
QString headlineMetricOf(const QString &task);

// The summary of a model run (isModelRun must hold): the headline metric from the test part,
// else the cross-validation mean ± std, else the validation part, else the training part.
ModelRunSummary summarizeModelRun(const track::RunRecord &run);

// Every model run of `runs` in their order (deleted runs left out).
std::vector<ModelRunSummary> summarizeModelRuns(const std::vector<track::RunRecord> &runs);

} // namespace assay::ui
