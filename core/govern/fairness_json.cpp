#include "govern/fairness.h"

#include <QJsonArray>

#include <cmath>

namespace assay::govern {

namespace {

QJsonValue rate(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject groupToJson(const GroupMetrics &group)
{
    return {{QStringLiteral("group"), QString::fromStdString(group.group)},
            {QStringLiteral("count"), static_cast<qint64>(group.count)},
            {QStringLiteral("selection_rate"), rate(group.selectionRate)},
            {QStringLiteral("true_positive_rate"), rate(group.truePositiveRate)},
            {QStringLiteral("false_positive_rate"), rate(group.falsePositiveRate)},
            {QStringLiteral("accuracy"), rate(group.accuracy)}};
}

} // namespace

QJsonObject fairnessReportToJson(const FairnessReport &report)
{
    QJsonArray groups;
    for (const auto &group : report.groups)
        groups.append(groupToJson(group));
    return {
        {QStringLiteral("sensitive_column"), QString::fromStdString(report.sensitiveColumn)},
        {QStringLiteral("positive_label"), QString::fromStdString(report.positiveLabel)},
        {QStringLiteral("threshold"), report.threshold},
        {QStringLiteral("groups"), groups},
        {QStringLiteral("overall"), groupToJson(report.overall)},
        {QStringLiteral("demographic_parity_difference"), rate(report.demographicParityDifference)},
        {QStringLiteral("demographic_parity_ratio"), rate(report.demographicParityRatio)},
        {QStringLiteral("equalized_odds_difference"), rate(report.equalizedOddsDifference)},
        {QStringLiteral("true_positive_rate_difference"), rate(report.truePositiveRateDifference)},
        {QStringLiteral("false_positive_rate_difference"),
         rate(report.falsePositiveRateDifference)}};
}

} // namespace assay::govern
