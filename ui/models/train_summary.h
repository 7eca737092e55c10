#pragma once

#include "model/task.h"
#include "model/training_run.h"

#include <QString>

namespace assay::ui {

// What the dialog says when a training finished: a headline with the held-out figure that
// matters most and a line with the rest.
struct TrainSummary {
    QString headline; // "test roc_auc 0.7189" or "cv roc_auc 0.7204 ± 0.0113 (5 folds)"
    QString detail;   // the other parts, rows, run id
};

// roc_auc for binary tasks, accuracy for multiclass, rmse for regression.
std::string headlineMetric(model::Task task);

TrainSummary summarise(const model::TrainOutcome &outcome);

} // namespace assay::ui
