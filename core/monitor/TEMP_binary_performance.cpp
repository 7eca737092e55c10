// TEMPORARY stand-in until the math helper's binary_performance.cpp is merged.
#include "monitor/binary_performance.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace assay::monitor {

namespace {

BinaryPerformance fromConfusion(std::uint64_t rows, double tp, double fp, double fn, double tn)
{
    BinaryPerformance p;
    p.rows = rows;
    if (rows == 0)
        return p;
    p.accuracy = (tp + tn) / double(rows);
    if (tp + fp > 0)
        p.precision = tp / (tp + fp);
    if (tp + fn > 0)
        p.recall = tp / (tp + fn);
    if (p.precision && p.recall && *p.precision + *p.recall > 0)
        p.f1 = 2 * *p.precision * *p.recall / (*p.precision + *p.recall);
    return p;
}

// Area under the curve of expected positives/negatives, rows ordered by descending score.
std::optional<double> curveArea(std::span<const double> scores, std::span<const double> positive)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    double totalP = 0, totalN = 0;
    for (double p : positive) {
        totalP += p;
        totalN += 1 - p;
    }
    if (totalP <= 0 || totalN <= 0)
        return std::nullopt;
    double tp = 0, fp = 0, area = 0, prevTp = 0, prevFp = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        tp += positive[order[k]];
        fp += 1 - positive[order[k]];
        if (k + 1 == order.size() || scores[order[k + 1]] != scores[order[k]]) {
            area += (fp - prevFp) * (tp + prevTp) / 2;
            prevTp = tp;
            prevFp = fp;
        }
    }
    return area / (totalP * totalN);
}

} // namespace

BinaryPerformance realizedPerformance(std::span<const double> scores, std::span<const std::uint8_t> labels,
                                      double threshold)
{
    double tp = 0, fp = 0, fn = 0, tn = 0;
    std::vector<double> positive(labels.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const bool predicted = scores[i] >= threshold;
        positive[i] = labels[i] ? 1 : 0;
        (predicted ? (labels[i] ? tp : fp) : (labels[i] ? fn : tn)) += 1;
    }
    BinaryPerformance p = fromConfusion(scores.size(), tp, fp, fn, tn);
    p.rocAuc = curveArea(scores, positive);
    return p;
}

BinaryPerformance estimatedPerformance(std::span<const double> scores, std::span<const double> calibrated,
                                       double threshold)
{
    double tp = 0, fp = 0, fn = 0, tn = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const double p = calibrated[i];
        if (scores[i] >= threshold) {
            tp += p;
            fp += 1 - p;
        } else {
            fn += p;
            tn += 1 - p;
        }
    }
    BinaryPerformance result = fromConfusion(scores.size(), tp, fp, fn, tn);
    result.rocAuc = curveArea(scores, calibrated);
    return result;
}

} // namespace assay::monitor
