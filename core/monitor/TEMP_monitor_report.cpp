// TEMPORARY stand-in until the math helper's monitor_report.cpp is merged.
#include "monitor/monitor_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace assay::monitor {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }
QJsonValue opt(const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); }
std::optional<double> optOf(const QJsonValue &v) { return v.isDouble() ? std::optional(v.toDouble()) : std::nullopt; }

QJsonObject perfJson(const BinaryPerformance &p)
{
    return {{QStringLiteral("rows"), double(p.rows)}, {QStringLiteral("accuracy"), opt(p.accuracy)},
            {QStringLiteral("precision"), opt(p.precision)}, {QStringLiteral("recall"), opt(p.recall)},
            {QStringLiteral("f1"), opt(p.f1)}, {QStringLiteral("roc_auc"), opt(p.rocAuc)}};
}
BinaryPerformance perfOf(const QJsonObject &o)
{
    return {.rows = std::uint64_t(o[QStringLiteral("rows")].toDouble()),
            .accuracy = optOf(o[QStringLiteral("accuracy")]), .precision = optOf(o[QStringLiteral("precision")]),
            .recall = optOf(o[QStringLiteral("recall")]), .f1 = optOf(o[QStringLiteral("f1")]),
            .rocAuc = optOf(o[QStringLiteral("roc_auc")])};
}
QJsonObject featureJson(const FeatureWindowDrift &f)
{
    return {{QStringLiteral("name"), q(f.name)}, {QStringLiteral("test"), q(std::string(drift::testName(f.test)))},
            {QStringLiteral("statistic"), f.statistic}, {QStringLiteral("p_value"), opt(f.pValue)},
            {QStringLiteral("threshold"), f.threshold}, {QStringLiteral("score"), f.score},
            {QStringLiteral("drifted"), f.drifted}, {QStringLiteral("reference_missing_share"), f.referenceMissingShare},
            {QStringLiteral("missing_share"), f.missingShare}};
}
FeatureWindowDrift featureOf(const QJsonObject &o)
{
    return {.name = o[QStringLiteral("name")].toString().toStdString(),
            .test = drift::testFromName(o[QStringLiteral("test")].toString().toStdString()).value_or(drift::DriftTest::None),
            .statistic = o[QStringLiteral("statistic")].toDouble(), .pValue = optOf(o[QStringLiteral("p_value")]),
            .threshold = o[QStringLiteral("threshold")].toDouble(), .score = o[QStringLiteral("score")].toDouble(),
            .drifted = o[QStringLiteral("drifted")].toBool(),
            .referenceMissingShare = o[QStringLiteral("reference_missing_share")].toDouble(),
            .missingShare = o[QStringLiteral("missing_share")].toDouble()};
}
QJsonArray strings(const std::vector<std::string> &v)
{
    QJsonArray a;
    for (const auto &s : v)
        a.append(q(s));
    return a;
}
std::vector<std::string> stringsOf(const QJsonValue &v)
{
    std::vector<std::string> out;
    for (const auto &s : v.toArray())
        out.push_back(s.toString().toStdString());
    return out;
}

} // namespace

std::optional<double> WindowResult::metric(const std::string &name) const
{
    if (name == "dataset_drift_share")
        return testedFeatures ? std::optional(driftShare) : std::nullopt;
    if (name == "drifted_features")
        return double(driftedFeatures);
    if (name == "prediction_drift_score")
        return prediction && prediction->test != drift::DriftTest::None ? std::optional(prediction->score) : std::nullopt;
    if (name == "missing_share_change")
        return maxMissingShareChange;
    if (name == "reconstruction_error")
        return reconstructionError;
    if (name.starts_with("feature_drift_score:")) {
        const std::string feature = name.substr(20);
        for (const auto &f : features)
            if (f.name == feature && f.test != drift::DriftTest::None)
                return f.score;
        return std::nullopt;
    }
    for (const auto &[prefix, perf] : {std::pair{std::string("estimated_"), &estimated},
                                       std::pair{std::string("realized_"), &realized}}) {
        if (!name.starts_with(prefix) || !*perf)
            continue;
        const std::string m = name.substr(prefix.size());
        const BinaryPerformance &p = **perf;
        if (m == "accuracy") return p.accuracy;
        if (m == "precision") return p.precision;
        if (m == "recall") return p.recall;
        if (m == "f1") return p.f1;
        if (m == "roc_auc") return p.rocAuc;
    }
    return std::nullopt;
}

std::string reportJson(const MonitorReport &r)
{
    QJsonObject o;
    o[QStringLiteral("monitor")] = q(r.monitor);
    o[QStringLiteral("model")] = q(r.modelRef);
    o[QStringLiteral("run")] = q(r.runId);
    o[QStringLiteral("reference")] = q(r.reference);
    o[QStringLiteral("window")] = q(r.window);
    o[QStringLiteral("generation")] = double(r.generation);
    o[QStringLiteral("computed_ms")] = double(r.computedMs);
    o[QStringLiteral("reference_rows")] = double(r.referenceRows);
    o[QStringLiteral("total_rows")] = double(r.totalRows);
    o[QStringLiteral("labels")] = double(r.labels);
    o[QStringLiteral("task")] = q(r.task);
    o[QStringLiteral("threshold")] = r.threshold;
    o[QStringLiteral("kept_components")] = r.keptComponents ? QJsonValue(*r.keptComponents) : QJsonValue();
    QJsonObject bands;
    for (const auto &[name, band] : r.bands)
        bands[q(name)] = QJsonObject{{QStringLiteral("mean"), band.mean}, {QStringLiteral("low"), band.low},
                                     {QStringLiteral("high"), band.high}};
    o[QStringLiteral("bands")] = bands;
    o[QStringLiteral("rules")] = strings(r.rules);
    QJsonArray windows;
    for (const auto &w : r.windows) {
        QJsonObject wo;
        wo[QStringLiteral("start_ns")] = double(w.startNs);
        wo[QStringLiteral("end_ns")] = double(w.endNs);
        wo[QStringLiteral("rows")] = double(w.rows);
        wo[QStringLiteral("labeled_rows")] = double(w.labeledRows);
        wo[QStringLiteral("too_few_rows")] = w.tooFewRows;
        QJsonArray features;
        for (const auto &f : w.features)
            features.append(featureJson(f));
        wo[QStringLiteral("features")] = features;
        wo[QStringLiteral("prediction")] = w.prediction ? QJsonValue(featureJson(*w.prediction)) : QJsonValue();
        wo[QStringLiteral("tested_features")] = double(w.testedFeatures);
        wo[QStringLiteral("drifted_features")] = double(w.driftedFeatures);
        wo[QStringLiteral("drift_share")] = w.driftShare;
        wo[QStringLiteral("dataset_drift")] = w.datasetDrift;
        wo[QStringLiteral("max_missing_share_change")] = w.maxMissingShareChange;
        wo[QStringLiteral("reconstruction_error")] = opt(w.reconstructionError);
        wo[QStringLiteral("estimated")] = w.estimated ? QJsonValue(perfJson(*w.estimated)) : QJsonValue();
        wo[QStringLiteral("realized")] = w.realized ? QJsonValue(perfJson(*w.realized)) : QJsonValue();
        QJsonArray alerts;
        for (const auto &a : w.alerts)
            alerts.append(QJsonObject{{QStringLiteral("rule"), q(a.rule)}, {QStringLiteral("metric"), q(a.metric)},
                                      {QStringLiteral("value"), a.value}, {QStringLiteral("message"), q(a.message)}});
        wo[QStringLiteral("alerts")] = alerts;
        windows.append(wo);
    }
    o[QStringLiteral("windows")] = windows;
    o[QStringLiteral("warnings")] = strings(r.warnings);
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

Result<MonitorReport> reportFromJson(const std::string &json)
{
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject())
        return Error::invalidInput("monitor report: not a JSON object");
    const QJsonObject o = doc.object();
    MonitorReport r;
    r.monitor = o[QStringLiteral("monitor")].toString().toStdString();
    r.modelRef = o[QStringLiteral("model")].toString().toStdString();
    r.runId = o[QStringLiteral("run")].toString().toStdString();
    r.reference = o[QStringLiteral("reference")].toString().toStdString();
    r.window = o[QStringLiteral("window")].toString().toStdString();
    r.generation = std::int64_t(o[QStringLiteral("generation")].toDouble());
    r.computedMs = std::int64_t(o[QStringLiteral("computed_ms")].toDouble());
    r.referenceRows = std::uint64_t(o[QStringLiteral("reference_rows")].toDouble());
    r.totalRows = std::uint64_t(o[QStringLiteral("total_rows")].toDouble());
    r.labels = std::uint64_t(o[QStringLiteral("labels")].toDouble());
    r.task = o[QStringLiteral("task")].toString().toStdString();
    r.threshold = o[QStringLiteral("threshold")].toDouble();
    if (o[QStringLiteral("kept_components")].isDouble())
        r.keptComponents = o[QStringLiteral("kept_components")].toInt();
    const QJsonObject bands = o[QStringLiteral("bands")].toObject();
    for (auto it = bands.begin(); it != bands.end(); ++it) {
        const QJsonObject b = it.value().toObject();
        r.bands[it.key().toStdString()] = {.mean = b[QStringLiteral("mean")].toDouble(),
                                           .low = b[QStringLiteral("low")].toDouble(),
                                           .high = b[QStringLiteral("high")].toDouble()};
    }
    r.rules = stringsOf(o[QStringLiteral("rules")]);
    for (const auto &value : o[QStringLiteral("windows")].toArray()) {
        const QJsonObject wo = value.toObject();
        WindowResult w;
        w.startNs = std::int64_t(wo[QStringLiteral("start_ns")].toDouble());
        w.endNs = std::int64_t(wo[QStringLiteral("end_ns")].toDouble());
        w.rows = std::uint64_t(wo[QStringLiteral("rows")].toDouble());
        w.labeledRows = std::uint64_t(wo[QStringLiteral("labeled_rows")].toDouble());
        w.tooFewRows = wo[QStringLiteral("too_few_rows")].toBool();
        for (const auto &f : wo[QStringLiteral("features")].toArray())
            w.features.push_back(featureOf(f.toObject()));
        if (wo[QStringLiteral("prediction")].isObject())
            w.prediction = featureOf(wo[QStringLiteral("prediction")].toObject());
        w.testedFeatures = std::size_t(wo[QStringLiteral("tested_features")].toDouble());
        w.driftedFeatures = std::size_t(wo[QStringLiteral("drifted_features")].toDouble());
        w.driftShare = wo[QStringLiteral("drift_share")].toDouble();
        w.datasetDrift = wo[QStringLiteral("dataset_drift")].toBool();
        w.maxMissingShareChange = wo[QStringLiteral("max_missing_share_change")].toDouble();
        w.reconstructionError = optOf(wo[QStringLiteral("reconstruction_error")]);
        if (wo[QStringLiteral("estimated")].isObject())
            w.estimated = perfOf(wo[QStringLiteral("estimated")].toObject());
        if (wo[QStringLiteral("realized")].isObject())
            w.realized = perfOf(wo[QStringLiteral("realized")].toObject());
        for (const auto &a : wo[QStringLiteral("alerts")].toArray()) {
            const QJsonObject ao = a.toObject();
            w.alerts.push_back({.rule = ao[QStringLiteral("rule")].toString().toStdString(),
                                .metric = ao[QStringLiteral("metric")].toString().toStdString(),
                                .value = ao[QStringLiteral("value")].toDouble(),
                                .message = ao[QStringLiteral("message")].toString().toStdString()});
        }
        r.windows.push_back(std::move(w));
    }
    r.warnings = stringsOf(o[QStringLiteral("warnings")]);
    return r;
}

} // namespace assay::monitor
