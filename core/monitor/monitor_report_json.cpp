// reportJson and reportFromJson: the monitor report as JSON, keys in snake_case. Optional
// figures are null when empty; infinities (a drift score when a test's p-value is 0) are the
// strings "Infinity" and "-Infinity", NaN is null (read back as NaN where a number is required).
#include "monitor/monitor_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace assay::monitor {

namespace {

QString key(std::string_view name)
{
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

QJsonValue number(double value)
{
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? number(*value) : QJsonValue();
}

QJsonValue text(const std::string &value)
{
    return QString::fromStdString(value);
}

QJsonArray texts(const std::vector<std::string> &values)
{
    QJsonArray array;
    for (const auto &value : values)
        array.append(text(value));
    return array;
}

QJsonObject performanceJson(const BinaryPerformance &performance)
{
    return {
        {key("rows"), qint64(performance.rows)},
        {key("accuracy"), optionalNumber(performance.accuracy)},
        {key("precision"), optionalNumber(performance.precision)},
        {key("recall"), optionalNumber(performance.recall)},
        {key("f1"), optionalNumber(performance.f1)},
        {key("roc_auc"), optionalNumber(performance.rocAuc)},
    };
}

QJsonObject featureJson(const FeatureWindowDrift &drift)
{
    return {
        {key("name"), text(drift.name)},
        {key("test"), key(drift::testName(drift.test))},
        {key("statistic"), number(drift.statistic)},
        {key("p_value"), optionalNumber(drift.pValue)},
        {key("threshold"), number(drift.threshold)},
        {key("score"), number(drift.score)},
        {key("drifted"), drift.drifted},
        {key("reference_missing_share"), number(drift.referenceMissingShare)},
        {key("missing_share"), number(drift.missingShare)},
    };
}

QJsonObject alertJson(const Alert &alert)
{
    return {
        {key("rule"), text(alert.rule)},
        {key("metric"), text(alert.metric)},
        {key("value"), number(alert.value)},
        {key("message"), text(alert.message)},
    };
}

QJsonObject windowJson(const WindowResult &window)
{
    QJsonArray features;
    for (const auto &drift : window.features)
        features.append(featureJson(drift));
    QJsonArray alerts;
    for (const auto &alert : window.alerts)
        alerts.append(alertJson(alert));
    return {
        {key("start_ns"), qint64(window.startNs)},
        {key("end_ns"), qint64(window.endNs)},
        {key("rows"), qint64(window.rows)},
        {key("labeled_rows"), qint64(window.labeledRows)},
        {key("too_few_rows"), window.tooFewRows},
        {key("features"), features},
        {key("prediction"),
         window.prediction ? QJsonValue(featureJson(*window.prediction)) : QJsonValue()},
        {key("tested_features"), qint64(window.testedFeatures)},
        {key("drifted_features"), qint64(window.driftedFeatures)},
        {key("drift_share"), number(window.driftShare)},
        {key("dataset_drift"), window.datasetDrift},
        {key("max_missing_share_change"), number(window.maxMissingShareChange)},
        {key("reconstruction_error"), optionalNumber(window.reconstructionError)},
        {key("estimated"),
         window.estimated ? QJsonValue(performanceJson(*window.estimated)) : QJsonValue()},
        {key("realized"),
         window.realized ? QJsonValue(performanceJson(*window.realized)) : QJsonValue()},
        {key("alerts"), alerts},
    };
}

} // namespace

std::string reportJson(const MonitorReport &report)
{
    QJsonObject bands;
    for (const auto &[metric, band] : report.bands)
        bands.insert(key(metric), QJsonObject{{key("mean"), number(band.mean)},
                                              {key("low"), number(band.low)},
                                              {key("high"), number(band.high)}});
    QJsonArray windows;
    for (const auto &window : report.windows)
        windows.append(windowJson(window));
    const QJsonObject json{
        {key("monitor"), text(report.monitor)},
        {key("model"), text(report.modelRef)},
        {key("run_id"), text(report.runId)},
        {key("reference"), text(report.reference)},
        {key("window"), text(report.window)},
        {key("generation"), qint64(report.generation)},
        {key("computed_ms"), qint64(report.computedMs)},
        {key("reference_rows"), qint64(report.referenceRows)},
        {key("total_rows"), qint64(report.totalRows)},
        {key("labels"), qint64(report.labels)},
        {key("task"), text(report.task)},
        {key("threshold"), number(report.threshold)},
        {key("kept_components"),
         report.keptComponents ? QJsonValue(*report.keptComponents) : QJsonValue()},
        {key("bands"), bands},
        {key("rules"), texts(report.rules)},
        {key("windows"), windows},
        {key("warnings"), texts(report.warnings)},
    };
    return QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace assay::monitor
