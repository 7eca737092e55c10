#include "model/metric_parts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::model::metrics {

namespace {

// sklearn's zero_division="warn" default: a ratio whose denominator is 0 counts as 0.
double ratio(double numerator, double denominator)
{
    return denominator == 0 ? 0.0 : numerator / denominator;
}

struct ClassScores {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    double support = 0;
};

std::vector<ClassScores> perClass(const std::vector<std::vector<std::int64_t>> &confusion)
{
    const std::size_t k = confusion.size();
    std::vector<ClassScores> scores(k);
    for (std::size_t c = 0; c < k; ++c) {
        double predicted = 0;
        double support = 0;
        for (std::size_t other = 0; other < k; ++other) {
            predicted += double(confusion[other][c]);
            support += double(confusion[c][other]);
        }
        auto &s = scores[c];
        const double truePositives = double(confusion[c][c]);
        s.precision = ratio(truePositives, predicted);
        s.recall = ratio(truePositives, support);
        // As sklearn: from precision and recall, 0 when both are 0.
        s.f1 = ratio(2 * s.precision * s.recall, s.precision + s.recall);
        s.support = support;
    }
    return scores;
}

} // namespace

void addClassificationMetrics(const std::vector<std::vector<std::int64_t>> &confusion, Task task,
                              std::map<std::string, double> &metrics)
{
    const auto scores = perClass(confusion);
    double correct = 0;
    double total = 0;
    for (std::size_t c = 0; c < confusion.size(); ++c) {
        correct += double(confusion[c][c]);
        total += scores[c].support;
    }
    metrics["accuracy"] = correct / total;

    double macro[3] = {};
    double weighted[3] = {};
    for (const auto &s : scores) {
        const double values[3] = {s.precision, s.recall, s.f1};
        for (int m = 0; m < 3; ++m) {
            macro[m] += values[m] / double(scores.size());
            weighted[m] += values[m] * s.support;
        }
    }
    const char *names[3] = {"precision", "recall", "f1"};
    for (int m = 0; m < 3; ++m) {
        metrics[std::string(names[m]) + "_macro"] = macro[m];
        metrics[std::string(names[m]) + "_weighted"] = weighted[m] / total;
    }
    if (task == Task::Binary) {
        metrics["precision"] = scores[1].precision;
        metrics["recall"] = scores[1].recall;
        metrics["f1"] = scores[1].f1;
    } else {
        metrics["precision"] = macro[0];
        metrics["recall"] = macro[1];
        metrics["f1"] = macro[2];
    }
}

double logLoss(std::span<const double> y, std::span<const double> predictions,
               std::size_t classCount)
{
    static constexpr double eps = std::numeric_limits<double>::epsilon();
    const auto clip = [](double p) { return std::clamp(p, eps, 1 - eps); };
    const std::size_t rows = y.size();
    double total = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        const auto truth = static_cast<std::size_t>(y[row]);
        double trueProbability = 0;
        double sum = 0;
        if (classCount == 2 && predictions.size() == rows) {
            const double positive = clip(predictions[row]);
            const double negative = 1 - positive; // sklearn clips before it appends 1 - p
            sum = negative + positive;
            trueProbability = truth == 1 ? positive : negative;
        } else {
            for (std::size_t c = 0; c < classCount; ++c)
                sum += clip(predictions[row * classCount + c]);
            trueProbability = clip(predictions[row * classCount + truth]);
        }
        total += -std::log(trueProbability / sum);
    }
    return total / double(rows);
}

} // namespace assay::model::metrics
