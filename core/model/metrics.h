#pragma once

#include "common/result.h"
#include "model/task.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace assay::model {

// Points of a ranking curve in the order of decreasing score threshold; the first point
// (threshold +infinity) predicts nothing positive. ROC: x = false positive rate, y = true
// positive rate, from (0, 0) to (1, 1), collinear points dropped as sklearn's roc_curve does.
// PR: x = recall, y = precision, from (0, 1) through every distinct score (sklearn's
// precision_recall_curve read backwards).
struct Curve {
    std::vector<double> x;
    std::vector<double> y;
    std::vector<double> thresholds;
};

// One non-empty bin of a calibration curve: predictions in (lower, upper] (the first bin
// includes 0), as sklearn's calibration_curve(n_bins=10, strategy="uniform") bins them.
struct CalibrationBin {
    double lower = 0;
    double upper = 0;
    double meanPredicted = 0;
    double observedFraction = 0; // share of the bin's rows that are of the positive class
    std::int64_t count = 0;
};

// What `evaluate` measured on a set of rows.
struct Evaluation {
    Task task = Task::Regression;
    std::size_t rows = 0;
    // Classification: accuracy, precision, recall, f1 (binary: of class 1; multiclass: the
    // macro averages), precision_macro, recall_macro, f1_macro, precision_weighted,
    // recall_weighted, f1_weighted, roc_auc, pr_auc, log_loss, brier (binary only).
    // Regression: rmse, mae, r2, mape. roc_auc and pr_auc are left out when fewer than two
    // classes occur in y (they are undefined; sklearn raises).
    std::map<std::string, double> metrics;
    std::vector<std::vector<std::int64_t>> confusion; // [true class][predicted class]
    Curve roc;                                        // binary only
    Curve pr;                                         // binary only
    std::vector<CalibrationBin> calibration;          // binary only
};

// Measures `predictions` (rows × outputs, as Model::predict writes them: the positive class's
// probability for binary tasks, one probability per class for multiclass, values for
// regression) against `y` (class indices 0 .. classCount-1, or values). The predicted class is
// class 1 when its probability is >= 0.5 (binary), else the most probable class, the lowest
// index on ties. InvalidInput when there are no rows, the sizes disagree, y holds NaN or a
// class index out of range, or a prediction is NaN.
Result<Evaluation> evaluate(Task task, std::size_t classCount, std::span<const double> y,
                            std::span<const double> predictions);

// Whether a smaller value of `metric` (a key of Evaluation::metrics) is better: log_loss,
// brier, rmse, mae, mape. The others (accuracy, r2, roc_auc, ...) are better larger.
bool lowerIsBetter(std::string_view metric);

} // namespace assay::model
