#include "explain/explain_params.h"

#include <QJsonDocument>

#include <cmath>

namespace assay::explain {

namespace {

std::string shown(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().toStdString();
    if (value.isDouble())
        return QString::number(value.toDouble()).toStdString();
    if (value.isBool())
        return value.toBool() ? "true" : "false";
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact).toStdString();
    return "null";
}

// A number given as a JSON number or as its text.
std::optional<double> asNumber(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (!value.isString())
        return std::nullopt;
    bool ok = false;
    const double number = value.toString().trimmed().toDouble(&ok);
    return ok ? std::optional<double>(number) : std::nullopt;
}

} // namespace

Error ExplainParams::error(const std::string &key, const std::string &what) const
{
    return Error::invalidInput("explain " + m_method + ": " + key + ": " + what);
}

QJsonValue ExplainParams::take(const std::string &key)
{
    m_read.insert(key);
    return m_given.value(QString::fromStdString(key));
}

Result<std::uint64_t> ExplainParams::count(const std::string &key, std::uint64_t fallback,
                                           std::uint64_t minimum)
{
    const QJsonValue value = take(key);
    std::uint64_t result = fallback;
    if (!value.isUndefined() && !(value.isString() && value.toString().isEmpty())) {
        const auto number = asNumber(value);
        if (!number || *number < double(minimum) || *number != std::floor(*number) ||
            *number > 9.0e15)
            return error(key, "expected a whole number >= " + std::to_string(minimum) +
                                  ", found '" + shown(value) + "'");
        result = static_cast<std::uint64_t>(*number);
    }
    m_resolved.insert(QString::fromStdString(key), static_cast<qint64>(result));
    return result;
}

Result<double> ExplainParams::number(const std::string &key, double fallback)
{
    const QJsonValue value = take(key);
    double result = fallback;
    if (!value.isUndefined()) {
        const auto number = asNumber(value);
        if (!number || !std::isfinite(*number))
            return error(key, "expected a number, found '" + shown(value) + "'");
        result = *number;
    }
    m_resolved.insert(QString::fromStdString(key), result);
    return result;
}

Result<bool> ExplainParams::flag(const std::string &key, bool fallback)
{
    const QJsonValue value = take(key);
    bool result = fallback;
    if (value.isBool()) {
        result = value.toBool();
    } else if (value.isString() && (value.toString() == QStringLiteral("true") ||
                                    value.toString() == QStringLiteral("false"))) {
        result = value.toString() == QStringLiteral("true");
    } else if (!value.isUndefined()) {
        return error(key, "expected true or false, found '" + shown(value) + "'");
    }
    m_resolved.insert(QString::fromStdString(key), result);
    return result;
}

Result<std::string> ExplainParams::text(const std::string &key, const std::string &fallback)
{
    const QJsonValue value = take(key);
    std::string result = fallback;
    if (value.isString())
        result = value.toString().toStdString();
    else if (!value.isUndefined())
        return error(key, "expected text, found '" + shown(value) + "'");
    m_resolved.insert(QString::fromStdString(key), QString::fromStdString(result));
    return result;
}

Result<std::vector<std::string>> ExplainParams::texts(const std::string &key)
{
    const QJsonValue value = take(key);
    std::vector<std::string> result;
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray()) {
            if (!item.isString())
                return error(key, "expected a list of names, found '" + shown(value) + "'");
            result.push_back(item.toString().toStdString());
        }
    } else if (value.isString()) {
        for (const QString &part : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            result.push_back(part.trimmed().toStdString());
    } else if (!value.isUndefined()) {
        return error(key, "expected a list of names, found '" + shown(value) + "'");
    }
    QJsonArray array;
    for (const std::string &name : result)
        array.append(QString::fromStdString(name));
    m_resolved.insert(QString::fromStdString(key), array);
    return result;
}

Result<std::vector<double>> ExplainParams::numbers(const std::string &key,
                                                   std::vector<double> fallback)
{
    const QJsonValue value = take(key);
    std::vector<double> result = std::move(fallback);
    if (!value.isUndefined()) {
        QJsonArray items;
        if (value.isArray()) {
            items = value.toArray();
        } else if (value.isString()) {
            for (const QString &part : value.toString().split(QLatin1Char(',')))
                items.append(part);
        } else {
            return error(key, "expected a list of numbers, found '" + shown(value) + "'");
        }
        result.clear();
        for (const QJsonValue &item : items) {
            const auto number = asNumber(item);
            if (!number || !std::isfinite(*number))
                return error(key, "expected a list of numbers, found '" + shown(value) + "'");
            result.push_back(*number);
        }
    }
    QJsonArray array;
    for (double number : result)
        array.append(number);
    m_resolved.insert(QString::fromStdString(key), array);
    return result;
}

void ExplainParams::resolve(const std::string &key, const QJsonValue &value)
{
    m_read.insert(key);
    m_resolved.insert(QString::fromStdString(key), value);
}

Status ExplainParams::rejectUnknown() const
{
    for (auto it = m_given.begin(); it != m_given.end(); ++it)
        if (!m_read.count(it.key().toStdString()))
            return Error::invalidInput("explain " + m_method + ": unknown parameter '" +
                                       it.key().toStdString() + "'");
    return {};
}

} // namespace assay::explain
