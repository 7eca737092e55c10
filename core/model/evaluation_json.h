#pragma once

#include "model/metrics.h"

#include <QJsonObject>

#include <span>

namespace assay::model {

// {"task", "rows", "metrics": {name: value}, "confusion_matrix": [[...]] (classification)},
// plus with `curves` the ROC, PR and calibration points of binary tasks:
// "roc": {"fpr", "tpr", "threshold"}, "pr": {"recall", "precision", "threshold"},
// "calibration": [{"lower", "upper", "mean_predicted", "observed", "count"}].
// Non-finite numbers (an infinite first threshold) are written as null.
QJsonObject evaluationToJson(const Evaluation &evaluation, bool curves = false);

// Up to `maxPoints` (actual, predicted) pairs of a regression part, every k-th row so the
// sample is spread over the part: {"actual": [...], "predicted": [...]}. The Models area draws
// its residual plot from it.
QJsonObject residualSampleToJson(std::span<const double> actual, std::span<const double> predicted,
                                 std::size_t maxPoints = 2000);

// Reads what evaluationToJson wrote with curves (the Models area reads model/evaluation.json).
Evaluation evaluationFromJson(const QJsonObject &object);

} // namespace assay::model
