// The gate and its checks as JSON documents.
#include "govern/model_registry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace assay::govern {

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

Status onlyKeys(const QJsonObject &object, const std::set<QString> &allowed, const std::string &where)
{
    for (const QString &key : object.keys())
        if (!allowed.count(key))
            return Error::invalidInput(where + "." + key.toStdString() + ": unknown key");
    return {};
}

Result<std::string> stringAt(const QJsonObject &object, const char *key, const std::string &where)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isString() || value.toString().isEmpty())
        return Error::invalidInput(where + "." + key + ": expected a non-empty string");
    return value.toString().toStdString();
}

Result<double> shareAt(const QJsonObject &object, const char *key, const std::string &where)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1)
        return Error::invalidInput(where + "." + key + ": expected a number from 0 to 1");
    return value.toDouble();
}

Status parseDrift(const QJsonValue &value, PromotionGate &gate)
{
    if (!value.isObject())
        return Error::invalidInput("gate.drift: expected an object");
    const QJsonObject drift = value.toObject();
    ASSAY_TRY(onlyKeys(drift, {QStringLiteral("reference"), QStringLiteral("current"), QStringLiteral("max_drift_share")},
                       "gate.drift"));
    if (drift.contains(QStringLiteral("reference"))) {
        auto reference = stringAt(drift, "reference", "gate.drift");
        if (!reference)
            return reference.error();
        gate.driftReference = *reference;
    }
    auto current = stringAt(drift, "current", "gate.drift");
    if (!current)
        return current.error();
    gate.driftCurrent = *current;
    if (drift.contains(QStringLiteral("max_drift_share"))) {
        auto share = shareAt(drift, "max_drift_share", "gate.drift");
        if (!share)
            return share.error();
        gate.maxDriftShare = *share;
    }
    return {};
}

} // namespace

Result<PromotionGate> parseGate(const std::string &json)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalidInput("gate: not a JSON object" +
                                   (error.error != QJsonParseError::NoError
                                        ? " (" + error.errorString().toStdString() + " at offset " +
                                              std::to_string(error.offset) + ")"
                                        : std::string()));
    const QJsonObject object = document.object();
    ASSAY_TRY(onlyKeys(object, {QStringLiteral("schema"), QStringLiteral("model_tests"), QStringLiteral("min_metrics"),
                                QStringLiteral("drift"), QStringLiteral("require_approver")},
                       "gate"));
    PromotionGate gate;
    if (object.contains(QStringLiteral("schema"))) {
        auto schema = stringAt(object, "schema", "gate");
        if (!schema)
            return schema.error();
        gate.schemaPath = *schema;
    }
    if (object.contains(QStringLiteral("model_tests"))) {
        auto tests = stringAt(object, "model_tests", "gate");
        if (!tests)
            return tests.error();
        gate.modelTestsPath = *tests;
    }
    if (object.contains(QStringLiteral("min_metrics"))) {
        const QJsonValue metrics = object.value(QStringLiteral("min_metrics"));
        if (!metrics.isObject())
            return Error::invalidInput("gate.min_metrics: expected an object of metric: minimum");
        const QJsonObject minimums = metrics.toObject();
        for (auto it = minimums.begin(); it != minimums.end(); ++it) {
            if (!it.value().isDouble())
                return Error::invalidInput("gate.min_metrics." + it.key().toStdString() + ": expected a number");
            gate.minMetrics[it.key().toStdString()] = it.value().toDouble();
        }
    }
    if (object.contains(QStringLiteral("drift")))
        ASSAY_TRY(parseDrift(object.value(QStringLiteral("drift")), gate));
    if (object.contains(QStringLiteral("require_approver")) &&
        object.value(QStringLiteral("require_approver")) != QJsonValue(true))
        return Error::invalidInput("gate.require_approver: may only be true; production always needs an "
                                   "approver once the workspace has users");
    return gate;
}

std::string gateJson(const PromotionGate &gate)
{
    QJsonObject object;
    if (gate.schemaPath)
        object.insert(QStringLiteral("schema"), qs(*gate.schemaPath));
    if (gate.modelTestsPath)
        object.insert(QStringLiteral("model_tests"), qs(*gate.modelTestsPath));
    if (!gate.minMetrics.empty()) {
        QJsonObject minimums;
        for (const auto &[metric, minimum] : gate.minMetrics)
            minimums.insert(qs(metric), minimum);
        object.insert(QStringLiteral("min_metrics"), minimums);
    }
    if (gate.driftCurrent) {
        QJsonObject drift{{QStringLiteral("current"), qs(*gate.driftCurrent)},
                          {QStringLiteral("max_drift_share"), gate.maxDriftShare}};
        if (gate.driftReference)
            drift.insert(QStringLiteral("reference"), qs(*gate.driftReference));
        object.insert(QStringLiteral("drift"), drift);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

bool gateIsEmpty(const PromotionGate &gate)
{
    return !gate.schemaPath && !gate.modelTestsPath && gate.minMetrics.empty() && !gate.driftCurrent;
}

std::string gateChecksJson(const std::vector<GateCheck> &checks)
{
    QJsonArray array;
    for (const auto &check : checks)
        array.append(QJsonObject{{QStringLiteral("name"), qs(check.name)},
                                 {QStringLiteral("passed"), check.passed},
                                 {QStringLiteral("detail"), qs(check.detail)}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

Result<std::vector<GateCheck>> parseGateChecks(const std::string &json)
{
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!document.isArray())
        return Error::invalidInput("gate checks: expected a JSON array");
    std::vector<GateCheck> checks;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject check = array.at(i).toObject();
        if (!check.value(QStringLiteral("name")).isString() || !check.value(QStringLiteral("passed")).isBool())
            return Error::invalidInput("gate checks[" + std::to_string(i) + "]: expected {name, passed, detail}");
        checks.push_back({.name = check.value(QStringLiteral("name")).toString().toStdString(),
                          .passed = check.value(QStringLiteral("passed")).toBool(),
                          .detail = check.value(QStringLiteral("detail")).toString().toStdString()});
    }
    return checks;
}

} // namespace assay::govern
