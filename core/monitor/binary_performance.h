#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace assay::monitor {

// A binary classifier's performance in one window. Empty where undefined: precision without a
// predicted positive, recall without a positive, ROC AUC with one class only.
struct BinaryPerformance {
    std::uint64_t rows = 0;
    std::optional<double> accuracy;
    std::optional<double> precision;
    std::optional<double> recall;
    std::optional<double> f1;
    std::optional<double> rocAuc;
};

// Realized performance from scores and true labels (1 = positive); ŷ = score >= threshold.
// ROC AUC as scikit-learn's roc_auc_score (ties share rank).
BinaryPerformance realizedPerformance(std::span<const double> scores,
                                      std::span<const std::uint8_t> labels, double threshold);

// Confidence-based estimation without labels: `calibrated[i]` is the calibrated probability
// that row i is positive. With ŷ = scores[i] >= threshold the expected confusion matrix is
// TP = Σ_{ŷ=1} p, FP = Σ_{ŷ=1} (1−p), FN = Σ_{ŷ=0} p, TN = Σ_{ŷ=0} (1−p), and the metrics follow
// from it. The expected ROC AUC orders rows by score (descending), accumulates p as expected
// true positives and 1−p as expected false positives at each distinct score, and integrates the
// curve with the trapezoid rule.
BinaryPerformance estimatedPerformance(std::span<const double> scores,
                                       std::span<const double> calibrated, double threshold);

} // namespace assay::monitor
