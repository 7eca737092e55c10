#include "model/evaluation_json.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace assay::model {

namespace {

QJsonValue number(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

double numberOf(const QJsonValue &value)
{
    return value.isDouble() ? value.toDouble() : std::numeric_limits<double>::infinity();
}

QJsonArray numbers(const std::vector<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(number(value));
    return array;
}

std::vector<double> numbersOf(const QJsonValue &value)
{
    std::vector<double> values;
    for (const auto &item : value.toArray())
        values.push_back(numberOf(item));
    return values;
}

QJsonObject curveToJson(const Curve &curve, const QString &x, const QString &y)
{
    return {{x, numbers(curve.x)}, {y, numbers(curve.y)}, {QStringLiteral("threshold"), numbers(curve.thresholds)}};
}

Curve curveFromJson(const QJsonObject &object, const QString &x, const QString &y)
{
    return {numbersOf(object.value(x)), numbersOf(object.value(y)),
            numbersOf(object.value(QStringLiteral("threshold")))};
}

} // namespace

QJsonObject evaluationToJson(const Evaluation &evaluation, bool curves)
{
    QJsonObject metrics;
    for (const auto &[name, value] : evaluation.metrics)
        metrics.insert(QString::fromStdString(name), number(value));
    QJsonObject object{{QStringLiteral("task"), QString::fromUtf8(taskName(evaluation.task))},
                       {QStringLiteral("rows"), static_cast<qint64>(evaluation.rows)},
                       {QStringLiteral("metrics"), metrics}};
    if (evaluation.task != Task::Regression) {
        QJsonArray confusion;
        for (const auto &row : evaluation.confusion) {
            QJsonArray counts;
            for (auto count : row)
                counts.append(static_cast<qint64>(count));
            confusion.append(counts);
        }
        object.insert(QStringLiteral("confusion_matrix"), confusion);
    }
    if (!curves || evaluation.task != Task::Binary)
        return object;
    object.insert(QStringLiteral("roc"), curveToJson(evaluation.roc, QStringLiteral("fpr"), QStringLiteral("tpr")));
    object.insert(QStringLiteral("pr"),
                  curveToJson(evaluation.pr, QStringLiteral("recall"), QStringLiteral("precision")));
    QJsonArray bins;
    for (const auto &bin : evaluation.calibration)
        bins.append(QJsonObject{{QStringLiteral("lower"), bin.lower},
                                {QStringLiteral("upper"), bin.upper},
                                {QStringLiteral("mean_predicted"), bin.meanPredicted},
                                {QStringLiteral("observed"), bin.observedFraction},
                                {QStringLiteral("count"), static_cast<qint64>(bin.count)}});
    object.insert(QStringLiteral("calibration"), bins);
    return object;
}

QJsonObject residualSampleToJson(std::span<const double> actual, std::span<const double> predicted,
                                 std::size_t maxPoints)
{
    const std::size_t rows = std::min(actual.size(), predicted.size());
    const std::size_t stride = std::max<std::size_t>(1, (rows + maxPoints - 1) / std::max<std::size_t>(1, maxPoints));
    QJsonArray actualValues;
    QJsonArray predictedValues;
    for (std::size_t row = 0; row < rows; row += stride) {
        actualValues.append(number(actual[row]));
        predictedValues.append(number(predicted[row]));
    }
    return {{QStringLiteral("actual"), actualValues}, {QStringLiteral("predicted"), predictedValues}};
}

Evaluation evaluationFromJson(const QJsonObject &object)
{
    Evaluation evaluation;
    evaluation.task = taskFromName(object.value(QStringLiteral("task")).toString().toStdString())
                          .value_or(Task::Regression);
    evaluation.rows = static_cast<std::size_t>(object.value(QStringLiteral("rows")).toInteger());
    const QJsonObject metrics = object.value(QStringLiteral("metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it)
        evaluation.metrics[it.key().toStdString()] = numberOf(it.value());
    for (const auto &row : object.value(QStringLiteral("confusion_matrix")).toArray()) {
        std::vector<std::int64_t> counts;
        for (const auto &count : row.toArray())
            counts.push_back(count.toInteger());
        evaluation.confusion.push_back(std::move(counts));
    }
    evaluation.roc = curveFromJson(object.value(QStringLiteral("roc")).toObject(), QStringLiteral("fpr"),
                                   QStringLiteral("tpr"));
    evaluation.pr = curveFromJson(object.value(QStringLiteral("pr")).toObject(), QStringLiteral("recall"),
                                  QStringLiteral("precision"));
    for (const auto &item : object.value(QStringLiteral("calibration")).toArray()) {
        const QJsonObject bin = item.toObject();
        evaluation.calibration.push_back({bin.value(QStringLiteral("lower")).toDouble(),
                                          bin.value(QStringLiteral("upper")).toDouble(),
                                          bin.value(QStringLiteral("mean_predicted")).toDouble(),
                                          bin.value(QStringLiteral("observed")).toDouble(),
                                          bin.value(QStringLiteral("count")).toInteger()});
    }
    return evaluation;
}

} // namespace assay::model
