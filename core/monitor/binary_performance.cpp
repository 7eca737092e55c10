#include "monitor/binary_performance.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace assay::monitor {

namespace {

// A confusion matrix whose cells may be expected (fractional) counts.
struct Confusion {
    double tp = 0;
    double fp = 0;
    double fn = 0;
    double tn = 0;
};

std::optional<double> ratio(double numerator, double denominator)
{
    if (denominator <= 0)
        return std::nullopt;
    return numerator / denominator;
}

BinaryPerformance metricsOf(const Confusion &c, std::uint64_t rows)
{
    return {
        .rows = rows,
        .accuracy = ratio(c.tp + c.tn, c.tp + c.fp + c.fn + c.tn),
        .precision = ratio(c.tp, c.tp + c.fp),
        .recall = ratio(c.tp, c.tp + c.fn),
        .f1 = ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
        .rocAuc = std::nullopt,
    };
}

// (score, probability of positive) pairs. Ranks them by score, highest first; at each distinct
// score adds the probabilities to the (expected) true positives and their complements to the
// false positives, and integrates the ROC curve with the trapezoid rule. With 0/1
// probabilities this is the ordinary ROC AUC, ties sharing their rank.
std::optional<double> rocAuc(std::vector<std::pair<double, double>> &scored)
{
    std::sort(scored.begin(), scored.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    double truePositives = 0;
    double falsePositives = 0;
    double area = 0; // in units of (false positives × true positives)
    for (std::size_t i = 0; i < scored.size();) {
        double groupPositives = 0;
        double groupNegatives = 0;
        const double score = scored[i].first;
        for (; i < scored.size() && scored[i].first == score; ++i) {
            groupPositives += scored[i].second;
            groupNegatives += 1 - scored[i].second;
        }
        area += groupNegatives * (2 * truePositives + groupPositives) / 2;
        truePositives += groupPositives;
        falsePositives += groupNegatives;
    }
    if (truePositives <= 0 || falsePositives <= 0)
        return std::nullopt;
    return area / (truePositives * falsePositives);
}

} // namespace

// Rows without a score (NaN) are left out of every figure.
BinaryPerformance realizedPerformance(std::span<const double> scores,
                                      std::span<const std::uint8_t> labels, double threshold)
{
    const std::size_t n = std::min(scores.size(), labels.size());
    Confusion confusion;
    std::vector<std::pair<double, double>> scored;
    scored.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(scores[i]))
            continue;
        const bool positive = labels[i] != 0;
        const bool predictedPositive = scores[i] >= threshold;
        (predictedPositive ? (positive ? confusion.tp : confusion.fp)
                           : (positive ? confusion.fn : confusion.tn)) += 1;
        scored.emplace_back(scores[i], positive ? 1.0 : 0.0);
    }
    auto performance = metricsOf(confusion, scored.size());
    performance.rocAuc = rocAuc(scored);
    return performance;
}

// Rows without a score or a calibrated probability (NaN) are left out of every figure.
BinaryPerformance estimatedPerformance(std::span<const double> scores,
                                       std::span<const double> calibrated, double threshold)
{
    const std::size_t n = std::min(scores.size(), calibrated.size());
    Confusion confusion;
    std::vector<std::pair<double, double>> scored;
    scored.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(scores[i]) || std::isnan(calibrated[i]))
            continue;
        const double p = std::clamp(calibrated[i], 0.0, 1.0);
        if (scores[i] >= threshold) {
            confusion.tp += p;
            confusion.fp += 1 - p;
        } else {
            confusion.fn += p;
            confusion.tn += 1 - p;
        }
        scored.emplace_back(scores[i], p);
    }
    auto performance = metricsOf(confusion, scored.size());
    performance.rocAuc = rocAuc(scored);
    return performance;
}

} // namespace assay::monitor
