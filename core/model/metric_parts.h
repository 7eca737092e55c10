#pragma once

// The pieces `evaluate` is made of, one file each; internal to core/model.

#include "model/metrics.h"

#include <cstdint>
#include <span>
#include <vector>

namespace assay::model::metrics {

// Binary labels: 1 for the positive rows.
using Positives = std::vector<std::uint8_t>;

// True and false positives counted at each distinct score, scores descending: predicting
// "positive" for score >= thresholds[i] gives truePositives[i] and falsePositives[i].
struct ThresholdCounts {
    std::vector<double> thresholds;
    std::vector<double> truePositives;
    std::vector<double> falsePositives;
};
ThresholdCounts countAtThresholds(std::span<const double> scores, const Positives &positive);

Curve rocCurve(const ThresholdCounts &counts);
Curve precisionRecallCurve(const ThresholdCounts &counts);
// Both need at least one positive and (ROC) one negative row.
double rocAuc(const ThresholdCounts &counts);
double averagePrecision(const ThresholdCounts &counts);

std::vector<CalibrationBin> calibrationCurve(std::span<const double> probabilities,
                                             const Positives &positive);

// Accuracy, precision/recall/F1 (binary, macro, weighted) from the confusion matrix.
void addClassificationMetrics(const std::vector<std::vector<std::int64_t>> &confusion, Task task,
                              std::map<std::string, double> &metrics);

// Mean negative log-likelihood of the true classes, probabilities clipped to
// [eps, 1 - eps] and renormalised per row as sklearn's log_loss does.
double logLoss(std::span<const double> y, std::span<const double> predictions,
               std::size_t classCount);

void addRegressionMetrics(std::span<const double> y, std::span<const double> predictions,
                          std::map<std::string, double> &metrics);

} // namespace assay::model::metrics
