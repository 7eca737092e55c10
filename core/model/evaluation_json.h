#pragma once

#include "model/metrics.h"

#include <QJsonObject>

namespace assay::model {

// {"task", "rows", "metrics": {name: value}, "confusion_matrix": [[...]] (classification)},
// plus with `curves` the ROC, PR and calibration points of binary tasks:
// "roc": {"fpr", "tpr", "threshold"}, "pr": {"recall", "precision", "threshold"},
// "calibration": [{"lower", "upper", "mean_predicted", "observed", "count"}].
// Non-finite numbers (an infinite first threshold) are written as null.
QJsonObject evaluationToJson(const Evaluation &evaluation, bool curves = false);

// Reads what evaluationToJson wrote with curves (the Models area reads model/evaluation.json).
Evaluation evaluationFromJson(const QJsonObject &object);

} // namespace assay::model
