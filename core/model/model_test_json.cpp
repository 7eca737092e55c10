#include "model/model_test_json.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace assay::model {

QJsonObject modelTestResultsToJson(const std::vector<ModelTestResult> &results)
{
    QJsonArray list;
    qint64 passed = 0;
    for (const auto &result : results) {
        passed += result.passed;
        QJsonObject entry;
        entry.insert(QStringLiteral("name"), QString::fromStdString(result.name));
        entry.insert(QStringLiteral("kind"), QString::fromStdString(result.kind));
        entry.insert(QStringLiteral("passed"), result.passed);
        entry.insert(QStringLiteral("value"), std::isfinite(result.value)
                                                  ? QJsonValue(result.value)
                                                  : QJsonValue(QJsonValue::Null));
        entry.insert(QStringLiteral("bound"), QString::fromStdString(result.bound));
        entry.insert(QStringLiteral("detail"), QString::fromStdString(result.detail));
        list.append(entry);
    }
    QJsonObject json;
    json.insert(QStringLiteral("passed"), passed);
    json.insert(QStringLiteral("failed"), static_cast<qint64>(results.size()) - passed);
    json.insert(QStringLiteral("results"), list);
    return json;
}

Result<std::vector<ModelTestResult>> modelTestResultsFromJson(const QJsonObject &json)
{
    const QJsonValue list = json.value(QStringLiteral("results"));
    if (!list.isArray())
        return Error::invalidInput("results: expected a list");
    std::vector<ModelTestResult> results;
    const QJsonArray entries = list.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const std::string key = "results[" + std::to_string(i) + "]";
        if (!entries[i].isObject())
            return Error::invalidInput(key + ": expected an object");
        const QJsonObject entry = entries[i].toObject();
        ModelTestResult result;
        for (const auto &[name, target] :
             {std::pair{"name", &result.name}, std::pair{"kind", &result.kind},
              std::pair{"bound", &result.bound}, std::pair{"detail", &result.detail}}) {
            const QJsonValue value = entry.value(QLatin1String(name));
            if (!value.isString())
                return Error::invalidInput(key + "." + name + ": expected text");
            *target = value.toString().toStdString();
        }
        const QJsonValue passed = entry.value(QStringLiteral("passed"));
        if (!passed.isBool())
            return Error::invalidInput(key + ".passed: expected true or false");
        result.passed = passed.toBool();
        const QJsonValue value = entry.value(QStringLiteral("value"));
        if (!value.isDouble() && !value.isNull())
            return Error::invalidInput(key + ".value: expected a number or null");
        result.value = value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace assay::model
