#include "table/column_builder.h"

#include "table/datetime_parse.h"
#include "table/number_parse.h"

#include <algorithm>
#include <limits>

namespace assay::table {

void ColumnBuilder::reserve(std::size_t rows)
{
    m_reserve = rows;
}

void ColumnBuilder::appendMissing()
{
    if (m_missing.empty()) {
        startVector(m_missing);
        m_missing.assign(m_rows, 0);
    }
    m_missing.push_back(1);
    ++m_rows;
    if (m_needsTextPass)
        return;
    switch (m_type) {
    case InferredType::Unknown:
        break;
    case InferredType::Bool:
        m_bools.push_back(0);
        break;
    case InferredType::Int:
    case InferredType::Datetime:
        m_ints.push_back(0);
        break;
    case InferredType::Float:
        m_floats.push_back(std::numeric_limits<double>::quiet_NaN());
        break;
    case InferredType::String:
        m_codes.push_back(0);
        break;
    }
}

void ColumnBuilder::appendMissing(std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i)
        appendMissing();
}

void ColumnBuilder::appendString(std::string_view text)
{
    m_codes.push_back(m_index.intern(text, m_dictionary));
    markPresent();
}

void ColumnBuilder::appendFieldSlow(std::string_view text)
{
    if (isMissingToken(text)) {
        appendMissing();
        return;
    }
    if (m_needsTextPass) {
        markPresent();
        return;
    }
    // Fast path: the value parses as the column's current type.
    switch (m_type) {
    case InferredType::Int: {
        std::int64_t value = 0;
        if (parseInt64(text, value) == IntParse::Ok) {
            m_ints.push_back(value);
            markPresent();
            return;
        }
        break;
    }
    case InferredType::Float: {
        double value = 0;
        if (parseDouble(text, value)) {
            m_floats.push_back(value);
            markPresent();
            return;
        }
        break;
    }
    case InferredType::Bool: {
        bool value = false;
        if (parseBool(text, value)) {
            m_bools.push_back(value ? 1 : 0);
            markPresent();
            return;
        }
        break;
    }
    case InferredType::Datetime:
        if (const auto value = parseIsoDatetime(text)) {
            m_ints.push_back(*value);
            markPresent();
            return;
        }
        break;
    case InferredType::String:
        appendString(text);
        return;
    case InferredType::Unknown:
        break;
    }

    const InferredType kind = classifyField(text);
    std::int64_t intValue = 0;
    double floatValue = 0;
    switch (kind) {
    case InferredType::Int:
        parseInt64(text, intValue);
        break;
    case InferredType::Float:
        parseDouble(text, floatValue);
        break;
    case InferredType::Bool: {
        bool value = false;
        parseBool(text, value);
        intValue = value ? 1 : 0;
        break;
    }
    case InferredType::Datetime:
        intValue = parseIsoDatetime(text).value_or(0);
        break;
    case InferredType::Unknown:
    case InferredType::String:
        break;
    }
    appendTyped(kind, intValue, floatValue, text);
}

void ColumnBuilder::appendJsonNumber(std::string_view raw)
{
    if (m_textOnly) {
        appendString(raw);
        return;
    }
    std::int64_t intValue = 0;
    double floatValue = 0;
    InferredType kind = InferredType::Float;
    if (raw.find_first_of(".eE") == std::string_view::npos
        && parseInt64(raw, intValue) == IntParse::Ok)
        kind = InferredType::Int;
    else
        parseDouble(raw, floatValue);
    appendTyped(kind, intValue, floatValue, raw);
}

void ColumnBuilder::appendJsonBool(bool value, std::string_view raw)
{
    if (m_textOnly) {
        appendString(raw);
        return;
    }
    appendTyped(InferredType::Bool, value ? 1 : 0, 0, raw);
}

void ColumnBuilder::appendJsonString(std::string_view decoded)
{
    if (m_textOnly || m_type == InferredType::String) {
        if (m_needsTextPass)
            markPresent();
        else
            appendString(decoded);
        return;
    }
    if (m_type == InferredType::Unknown || m_type == InferredType::Datetime) {
        if (const auto value = parseIsoDatetime(decoded)) {
            appendTyped(InferredType::Datetime, *value, 0, decoded);
            return;
        }
    }
    appendTyped(InferredType::String, 0, 0, decoded);
}

void ColumnBuilder::appendJsonNested(std::string_view compactJson)
{
    if (m_textOnly) {
        appendString(compactJson);
        return;
    }
    appendTyped(InferredType::String, 0, 0, compactJson);
}

void ColumnBuilder::appendTyped(InferredType kind, std::int64_t intValue, double floatValue,
                                std::string_view text)
{
    if (m_needsTextPass) {
        markPresent();
        return;
    }
    if (m_type == InferredType::String) {
        appendString(text);
        return;
    }
    if (m_type == InferredType::Unknown)
        becomeType(kind);
    if (m_type != kind) {
        const InferredType joined = joinTypes(m_type, kind);
        if (joined == InferredType::String) {
            // Earlier typed values have lost their text: the parser re-reads this chunk.
            m_needsTextPass = true;
            m_type = InferredType::String;
            m_ints = {};
            m_floats = {};
            m_bools = {};
            markPresent();
            return;
        }
        becomeType(joined);
        if (kind == InferredType::Int) {
            kind = InferredType::Float;
            floatValue = static_cast<double>(intValue);
        }
    }
    switch (kind) {
    case InferredType::Bool:
        m_bools.push_back(static_cast<std::uint8_t>(intValue));
        break;
    case InferredType::Int:
    case InferredType::Datetime:
        m_ints.push_back(intValue);
        break;
    case InferredType::Float:
        m_floats.push_back(floatValue);
        break;
    case InferredType::String:
        appendString(text);
        return;
    case InferredType::Unknown:
        break;
    }
    markPresent();
}

// Switches from Unknown (all rows missing so far) to `type`, or widens int to float.
void ColumnBuilder::becomeType(InferredType type)
{
    if (m_type == InferredType::Int && type == InferredType::Float) {
        m_floats.reserve(std::max(m_reserve, m_ints.size()));
        for (std::size_t row = 0; row < m_ints.size(); ++row)
            m_floats.push_back(!m_missing.empty() && m_missing[row]
                                   ? std::numeric_limits<double>::quiet_NaN()
                                   : static_cast<double>(m_ints[row]));
        m_ints = {};
        m_type = type;
        return;
    }
    m_type = type;
    switch (type) {
    case InferredType::Bool:
        startVector(m_bools);
        m_bools.assign(m_rows, 0);
        break;
    case InferredType::Int:
    case InferredType::Datetime:
        startVector(m_ints);
        m_ints.assign(m_rows, 0);
        break;
    case InferredType::Float:
        startVector(m_floats);
        m_floats.assign(m_rows, std::numeric_limits<double>::quiet_NaN());
        break;
    case InferredType::String:
        startVector(m_codes);
        m_codes.assign(m_rows, 0);
        break;
    case InferredType::Unknown:
        break;
    }
}

Column ColumnBuilder::finish(std::string name)
{
    if (m_type == InferredType::Unknown) {
        m_floats.assign(m_rows, std::numeric_limits<double>::quiet_NaN());
        m_missing.assign(m_rows, 1);
    }
    Column column(std::move(name), toColumnType(m_type));
    switch (m_type) {
    case InferredType::Bool:
        column.bools() = std::move(m_bools);
        break;
    case InferredType::Int:
    case InferredType::Datetime:
        column.ints() = std::move(m_ints);
        break;
    case InferredType::Unknown:
    case InferredType::Float:
        column.floats() = std::move(m_floats);
        break;
    case InferredType::String:
        column.codes() = std::move(m_codes);
        column.dictionary() = std::move(m_dictionary);
        break;
    }
    column.missing() = std::move(m_missing);
    return column;
}

} // namespace assay::table
