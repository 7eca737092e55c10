#include "explain/explanation_json_values.h"

#include <cmath>
#include <limits>
#include <string>

namespace assay::explain {

QJsonArray nullableDoublesToJson(std::span<const double> values)
{
    QJsonArray array;
    for (double value : values)
        array.append(std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null));
    return array;
}

Result<std::vector<double>> nullableDoubles(const model::JsonFields &fields, std::string_view key)
{
    auto array = fields.array(key);
    if (!array)
        return array.error();
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(array->size()));
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue value = array->at(i);
        if (value.isNull())
            values.push_back(std::numeric_limits<double>::quiet_NaN());
        else if (value.isDouble())
            values.push_back(value.toDouble());
        else
            return fields.error(std::string(key) + "[" + std::to_string(i) + "]",
                                "expected a number or null");
    }
    return values;
}

QJsonValue numberToJson(double value)
{
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonArray sizesToJson(std::span<const std::size_t> values)
{
    QJsonArray array;
    for (std::size_t value : values)
        array.append(static_cast<qint64>(value));
    return array;
}

Result<std::vector<std::size_t>> sizes(const model::JsonFields &fields, std::string_view key)
{
    auto integers = fields.integers(key);
    if (!integers)
        return integers.error();
    std::vector<std::size_t> values;
    values.reserve(integers->size());
    for (std::int64_t integer : *integers) {
        if (integer < 0)
            return fields.error(key, "expected whole numbers >= 0");
        values.push_back(static_cast<std::size_t>(integer));
    }
    return values;
}

Result<std::size_t> size(const model::JsonFields &fields, std::string_view key)
{
    const QJsonValue value =
        fields.object().value(QString::fromUtf8(key.data(), qsizetype(key.size())));
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number != std::floor(number) || number > 9.0e15)
        return fields.error(key, "expected a whole number >= 0");
    return static_cast<std::size_t>(number);
}

Result<double> number(const model::JsonFields &fields, std::string_view key)
{
    const QJsonValue value =
        fields.object().value(QString::fromUtf8(key.data(), qsizetype(key.size())));
    if (value.isNull())
        return std::numeric_limits<double>::quiet_NaN();
    if (!value.isDouble())
        return fields.error(key, "expected a number");
    return value.toDouble();
}

Status requireLength(const model::JsonFields &fields, std::string_view key, std::size_t actual,
                     std::size_t expected)
{
    if (actual == expected)
        return {};
    return fields.error(key, "expected " + std::to_string(expected) + " values, found " +
                                 std::to_string(actual));
}

} // namespace assay::explain
