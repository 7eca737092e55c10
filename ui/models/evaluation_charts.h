#pragma once

#include "models/model_results.h"
#include "models/xy_chart_data.h"

#include <QColor>
#include <QString>

#include <vector>

namespace assay::ui {

// The colour of a part in every chart of a model: train, valid and test keep theirs, folds
// take the next colours of the same colour-blind-safe set (Okabe–Ito) in order.
QColor partColor(const QString &part);

// The parts the charts compare: the held-out ones (valid, test) of a split, or the folds of a
// cross-validation; the training part only when nothing was held out.
std::vector<const EvaluatedPart *> heldOutParts(const ModelResults &results);

// Binary tasks: a ROC curve per part with its AUC in the legend, over the chance diagonal.
XyChartData rocChart(const std::vector<const EvaluatedPart *> &parts);
// Binary tasks: a precision–recall curve per part with its average precision in the legend.
XyChartData precisionRecallChart(const std::vector<const EvaluatedPart *> &parts);
// Binary tasks: observed positive share against the mean predicted probability per bin, over
// the diagonal of perfect calibration.
XyChartData calibrationChart(const std::vector<const EvaluatedPart *> &parts);
// Regression: predicted against actual values of the sampled rows, over the diagonal.
XyChartData predictedVsActualChart(const std::vector<const EvaluatedPart *> &parts);
// Regression: residual (actual − predicted) against predicted, over the zero line.
XyChartData residualsChart(const std::vector<const EvaluatedPart *> &parts);

// The per-round curves of one metric ("logloss"): train and valid lines, named by part.
XyChartData trainingChart(const std::vector<TrainingCurve> &curves, const QString &metric);
// The metrics that have per-round curves, in a stable order (losses first).
QStringList trainingMetrics(const std::vector<TrainingCurve> &curves);

} // namespace assay::ui
