#include "model/metric_parts.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace assay::model::metrics {

ThresholdCounts countAtThresholds(std::span<const double> scores, const Positives &positive)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    ThresholdCounts counts;
    double truePositives = 0;
    double falsePositives = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        (positive[order[i]] ? truePositives : falsePositives) += 1;
        // Rows with equal scores are one threshold: record after the last of them.
        const bool lastOfTie = i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]];
        if (lastOfTie) {
            counts.thresholds.push_back(scores[order[i]]);
            counts.truePositives.push_back(truePositives);
            counts.falsePositives.push_back(falsePositives);
        }
    }
    return counts;
}

Curve rocCurve(const ThresholdCounts &counts)
{
    const auto &tps = counts.truePositives;
    const auto &fps = counts.falsePositives;
    const double positives = tps.back();
    const double negatives = fps.back();
    Curve curve;
    curve.x.push_back(0);
    curve.y.push_back(0);
    curve.thresholds.push_back(std::numeric_limits<double>::infinity());
    const std::size_t last = tps.size() - 1;
    for (std::size_t i = 0; i <= last; ++i) {
        // sklearn's drop_intermediate: keep the ends and every point where the curve bends.
        const bool bends = i == 0 || i == last || fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 ||
                           tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0;
        if (!bends)
            continue;
        curve.x.push_back(fps[i] / negatives);
        curve.y.push_back(tps[i] / positives);
        curve.thresholds.push_back(counts.thresholds[i]);
    }
    return curve;
}

Curve precisionRecallCurve(const ThresholdCounts &counts)
{
    const double positives = counts.truePositives.back();
    Curve curve;
    curve.x.push_back(0);
    curve.y.push_back(1);
    curve.thresholds.push_back(std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < counts.thresholds.size(); ++i) {
        const double predicted = counts.truePositives[i] + counts.falsePositives[i];
        curve.x.push_back(counts.truePositives[i] / positives);
        curve.y.push_back(counts.truePositives[i] / predicted);
        curve.thresholds.push_back(counts.thresholds[i]);
    }
    return curve;
}

double rocAuc(const ThresholdCounts &counts)
{
    const double positives = counts.truePositives.back();
    const double negatives = counts.falsePositives.back();
    double area = 0;
    double previousFpr = 0;
    double previousTpr = 0;
    for (std::size_t i = 0; i < counts.thresholds.size(); ++i) {
        const double fpr = counts.falsePositives[i] / negatives;
        const double tpr = counts.truePositives[i] / positives;
        area += (fpr - previousFpr) * (tpr + previousTpr) / 2;
        previousFpr = fpr;
        previousTpr = tpr;
    }
    return area;
}

double averagePrecision(const ThresholdCounts &counts)
{
    const double positives = counts.truePositives.back();
    double sum = 0;
    double previousRecall = 0;
    for (std::size_t i = 0; i < counts.thresholds.size(); ++i) {
        const double tp = counts.truePositives[i];
        const double recall = tp / positives;
        sum += (recall - previousRecall) * (tp / (tp + counts.falsePositives[i]));
        previousRecall = recall;
    }
    return sum;
}

} // namespace assay::model::metrics
