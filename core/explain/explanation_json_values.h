#pragma once

#include "common/result.h"
#include "model/json_fields.h"

#include <QJsonArray>

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace assay::explain {

// Doubles as a JSON array; NaN (a missing feature value) and infinities as null.
QJsonArray nullableDoublesToJson(std::span<const double> values);
// Reads what nullableDoublesToJson wrote: null as NaN. Errors name the key.
Result<std::vector<double>> nullableDoubles(const model::JsonFields &fields, std::string_view key);

// A double as JSON; NaN and infinities as null (number() reads null back as NaN).
QJsonValue numberToJson(double value);

QJsonArray sizesToJson(std::span<const std::size_t> values);
// Whole numbers >= 0; errors name the key.
Result<std::vector<std::size_t>> sizes(const model::JsonFields &fields, std::string_view key);
Result<std::size_t> size(const model::JsonFields &fields, std::string_view key);
Result<double> number(const model::JsonFields &fields, std::string_view key);

// Reads the array of objects at `key`, each by `read(JsonFields) -> Result<T>`; errors name
// "key[index]" and what is wrong there.
template <typename T, typename Read>
Result<std::vector<T>> objects(const model::JsonFields &fields, std::string_view key, Read read)
{
    auto array = fields.array(key);
    if (!array)
        return array.error();
    std::vector<T> values;
    values.reserve(std::size_t(array->size()));
    for (qsizetype i = 0; i < array->size(); ++i) {
        auto element = fields.element(*array, key, i);
        if (!element)
            return element.error();
        auto value = read(*element);
        if (!value)
            return value.error();
        values.push_back(std::move(*value));
    }
    return values;
}

// An error naming the key when `values` does not hold `expected` numbers.
Status requireLength(const model::JsonFields &fields, std::string_view key, std::size_t actual,
                     std::size_t expected);

} // namespace assay::explain
