#include "model/json_fields.h"

#include <QJsonValue>

#include <cmath>

namespace assay::model {

namespace {

QString keyOf(std::string_view key)
{
    return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

// Reads each entry of the array at `key` with `convert` (which returns false for a wrong
// type); the error names the entry.
template <typename T, typename Convert>
Result<std::vector<T>> readArray(const JsonFields &fields, std::string_view key,
                                 std::string_view expected, Convert convert)
{
    auto array = fields.array(key);
    if (!array)
        return array.error();
    std::vector<T> values;
    values.reserve(static_cast<std::size_t>(array->size()));
    for (qsizetype i = 0; i < array->size(); ++i) {
        T value{};
        if (!convert(array->at(i), value))
            return fields.error(std::string(key) + "[" + std::to_string(i) + "]",
                                std::string("expected ") + std::string(expected));
        values.push_back(value);
    }
    return values;
}

} // namespace

JsonFields::JsonFields(std::string_view displayName, QJsonObject object, std::string path)
    : m_displayName(displayName), m_object(std::move(object)), m_path(std::move(path))
{
}

bool JsonFields::has(std::string_view key) const { return m_object.contains(keyOf(key)); }

std::string JsonFields::pathOf(std::string_view key) const
{
    if (m_path.empty())
        return std::string(key);
    if (key.empty())
        return m_path;
    return m_path + "." + std::string(key);
}

Error JsonFields::error(std::string_view key, std::string_view what) const
{
    const std::string path = pathOf(key);
    return Error::invalidInput(m_displayName + ": " + (path.empty() ? "" : path + ": ") +
                               std::string(what));
}

Result<JsonFields> JsonFields::object(std::string_view key) const
{
    const auto value = m_object.value(keyOf(key));
    if (value.isUndefined())
        return error(key, "missing");
    if (!value.isObject())
        return error(key, "expected an object");
    return JsonFields(m_displayName, value.toObject(), pathOf(key));
}

Result<QJsonArray> JsonFields::array(std::string_view key) const
{
    const auto value = m_object.value(keyOf(key));
    if (value.isUndefined())
        return error(key, "missing");
    if (!value.isArray())
        return error(key, "expected an array");
    return value.toArray();
}

Result<std::string> JsonFields::string(std::string_view key) const
{
    const auto value = m_object.value(keyOf(key));
    if (value.isUndefined())
        return error(key, "missing");
    if (!value.isString())
        return error(key, "expected a string");
    return value.toString().toStdString();
}

Result<double> JsonFields::numberInString(std::string_view key) const
{
    const auto value = m_object.value(keyOf(key));
    if (value.isDouble())
        return value.toDouble();
    auto text = string(key);
    if (!text)
        return text.error();
    QString trimmed = QString::fromStdString(*text).trimmed();
    // XGBoost 2 writes vector-valued parameters such as base_score as "[5E-1]".
    if (trimmed.startsWith(QLatin1Char('[')) && trimmed.endsWith(QLatin1Char(']')))
        trimmed = trimmed.mid(1, trimmed.size() - 2).trimmed();
    bool ok = false;
    const double number = trimmed.toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return error(key, "'" + *text + "' is not a number");
    return number;
}

Result<std::vector<double>> JsonFields::doubles(std::string_view key) const
{
    return readArray<double>(*this, key, "a number", [](const QJsonValue &value, double &out) {
        out = value.toDouble();
        return value.isDouble();
    });
}

Result<std::vector<std::int64_t>> JsonFields::integers(std::string_view key) const
{
    return readArray<std::int64_t>(
        *this, key, "a whole number", [](const QJsonValue &value, std::int64_t &out) {
            const double number = value.toDouble();
            if (!value.isDouble() || number != std::floor(number) || std::abs(number) > 9.0e15)
                return false;
            out = static_cast<std::int64_t>(number);
            return true;
        });
}

Result<std::vector<bool>> JsonFields::flags(std::string_view key) const
{
    auto values = readArray<char>(*this, key, "0, 1, true or false",
                                  [](const QJsonValue &value, char &out) {
                                      if (value.isBool()) {
                                          out = value.toBool();
                                          return true;
                                      }
                                      const double number = value.toDouble();
                                      out = number != 0;
                                      return value.isDouble() && (number == 0 || number == 1);
                                  });
    if (!values)
        return values.error();
    return std::vector<bool>(values->begin(), values->end());
}

Result<std::vector<std::string>> JsonFields::strings(std::string_view key) const
{
    return readArray<std::string>(*this, key, "a string",
                                  [](const QJsonValue &value, std::string &out) {
                                      out = value.toString().toStdString();
                                      return value.isString();
                                  });
}

Result<JsonFields> JsonFields::element(const QJsonArray &array, std::string_view key,
                                       qsizetype index) const
{
    const std::string elementKey = std::string(key) + "[" + std::to_string(index) + "]";
    const auto value = array.at(index);
    if (!value.isObject())
        return error(elementKey, "expected an object");
    return JsonFields(m_displayName, value.toObject(), pathOf(elementKey));
}

} // namespace assay::model
