#include "model/metrics.h"

#include "model/metric_parts.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace assay::model {

namespace {

using metrics::Positives;

Status checkInput(Task task, std::size_t classCount, std::span<const double> y,
                  std::span<const double> predictions, std::size_t outputs)
{
    if (y.empty())
        return Error::invalidInput("no rows to evaluate");
    if (predictions.size() != y.size() * outputs)
        return Error::invalidInput("evaluate: " + std::to_string(predictions.size()) +
                                   " predictions for " + std::to_string(y.size()) + " rows × " +
                                   std::to_string(outputs) + " outputs");
    if (task != Task::Regression && classCount < 2)
        return Error::invalidInput("evaluate: a classification task needs at least two classes");
    if (task == Task::Binary && classCount != 2)
        return Error::invalidInput("evaluate: a binary task has two classes, not " +
                                   std::to_string(classCount));
    for (std::size_t row = 0; row < y.size(); ++row) {
        const double value = y[row];
        const bool validClass =
            value >= 0 && value < double(classCount) && value == std::floor(value);
        if (std::isnan(value) || (task != Task::Regression && !validClass))
            return Error::invalidInput("evaluate: row " + std::to_string(row + 1) +
                                       ": the target is missing or not a class");
    }
    for (std::size_t i = 0; i < predictions.size(); ++i)
        if (std::isnan(predictions[i]))
            return Error::invalidInput("evaluate: row " + std::to_string(i / outputs + 1) +
                                       ": the prediction is NaN");
    return {};
}

std::size_t predictedClass(Task task, std::span<const double> probabilities)
{
    if (task == Task::Binary)
        return probabilities[0] >= 0.5 ? 1 : 0;
    std::size_t best = 0;
    for (std::size_t c = 1; c < probabilities.size(); ++c)
        if (probabilities[c] > probabilities[best])
            best = c;
    return best;
}

Positives positivesOf(std::span<const double> y, std::size_t positiveClass)
{
    Positives positive(y.size());
    for (std::size_t row = 0; row < y.size(); ++row)
        positive[row] = static_cast<std::size_t>(y[row]) == positiveClass;
    return positive;
}

bool hasBothKinds(const Positives &positive)
{
    bool anyPositive = false;
    bool anyNegative = false;
    for (auto p : positive)
        (p ? anyPositive : anyNegative) = true;
    return anyPositive && anyNegative;
}

void addBinaryRanking(std::span<const double> y, std::span<const double> probabilities,
                      Evaluation &evaluation)
{
    const auto positive = positivesOf(y, 1);
    evaluation.calibration = metrics::calibrationCurve(probabilities, positive);
    double brier = 0;
    for (std::size_t row = 0; row < y.size(); ++row)
        brier += (y[row] - probabilities[row]) * (y[row] - probabilities[row]);
    evaluation.metrics["brier"] = brier / double(y.size());
    if (!hasBothKinds(positive))
        return;
    const auto counts = metrics::countAtThresholds(probabilities, positive);
    evaluation.metrics["roc_auc"] = metrics::rocAuc(counts);
    evaluation.metrics["pr_auc"] = metrics::averagePrecision(counts);
    evaluation.roc = metrics::rocCurve(counts);
    evaluation.pr = metrics::precisionRecallCurve(counts);
}

// Macro averages of one-vs-rest AUC and average precision over the classes that occur in y.
// When every class occurs this is sklearn's roc_auc_score(multi_class="ovr") and
// average_precision_score(average="macro"); sklearn raises when a class is absent.
void addMulticlassRanking(std::span<const double> y, std::span<const double> probabilities,
                          std::size_t classCount, Evaluation &evaluation)
{
    double aucSum = 0;
    double precisionSum = 0;
    std::size_t present = 0;
    std::vector<double> scores(y.size());
    for (std::size_t c = 0; c < classCount; ++c) {
        const auto positive = positivesOf(y, c);
        if (!hasBothKinds(positive))
            continue;
        for (std::size_t row = 0; row < y.size(); ++row)
            scores[row] = probabilities[row * classCount + c];
        const auto counts = metrics::countAtThresholds(scores, positive);
        aucSum += metrics::rocAuc(counts);
        precisionSum += metrics::averagePrecision(counts);
        ++present;
    }
    if (present < 2)
        return;
    evaluation.metrics["roc_auc"] = aucSum / double(present);
    evaluation.metrics["pr_auc"] = precisionSum / double(present);
}

} // namespace

Result<Evaluation> evaluate(Task task, std::size_t classCount, std::span<const double> y,
                            std::span<const double> predictions)
{
    const std::size_t outputs = task == Task::Multiclass ? classCount : 1;
    ASSAY_TRY(checkInput(task, classCount, y, predictions, outputs));
    Evaluation evaluation;
    evaluation.task = task;
    evaluation.rows = y.size();
    if (task == Task::Regression) {
        metrics::addRegressionMetrics(y, predictions, evaluation.metrics);
        return evaluation;
    }
    evaluation.confusion.assign(classCount, std::vector<std::int64_t>(classCount, 0));
    for (std::size_t row = 0; row < y.size(); ++row) {
        const auto truth = static_cast<std::size_t>(y[row]);
        ++evaluation
              .confusion[truth][predictedClass(task, predictions.subspan(row * outputs, outputs))];
    }
    metrics::addClassificationMetrics(evaluation.confusion, task, evaluation.metrics);
    evaluation.metrics["log_loss"] = metrics::logLoss(y, predictions, classCount);
    if (task == Task::Binary)
        addBinaryRanking(y, predictions, evaluation);
    else
        addMulticlassRanking(y, predictions, classCount, evaluation);
    return evaluation;
}

bool lowerIsBetter(std::string_view metric)
{
    constexpr std::array<std::string_view, 5> kLowerIsBetter{"log_loss", "brier", "rmse", "mae",
                                                             "mape"};
    return std::find(kLowerIsBetter.begin(), kLowerIsBetter.end(), metric) != kLowerIsBetter.end();
}

} // namespace assay::model
