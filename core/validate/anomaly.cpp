#include "validate/anomaly.h"

#include "table/number_parse.h"
#include "validate/profile_lookup.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace assay::validate {

namespace {

using table::ColumnType;

// Whether a formatted value is a valid value of the schema type.
bool parsesAs(ColumnType type, std::string_view text)
{
    text = table::trimForNumber(text);
    switch (type) {
    case ColumnType::Int: {
        std::int64_t value = 0;
        if (table::parseInt64(text, value) == table::IntParse::Ok)
            return true;
        double number = 0; // a float column's whole numbers format as "3"; 3.0 is an int too
        return table::parseDouble(text, number) && std::abs(number) < 9.2e18 &&
               number == std::trunc(number);
    }
    case ColumnType::Float: {
        double value = 0;
        return table::parseDouble(text, value);
    }
    case ColumnType::Bool:
        return text == "true" || text == "false";
    case ColumnType::Datetime:
    case ColumnType::String:
        return type == ColumnType::String;
    }
    return false;
}

bool compatible(ColumnType schema, ColumnType data)
{
    return schema == data || schema == ColumnType::String ||
           (schema == ColumnType::Float && data == ColumnType::Int);
}

bool isNumeric(ColumnType type)
{
    return type == ColumnType::Int || type == ColumnType::Float;
}

std::string quoted(const std::string &name)
{
    return "'" + name + "'";
}

std::string rangeText(const ColumnSchema &column)
{
    if (column.min && column.max)
        return "[" + describeNumber(*column.min) + ", " + describeNumber(*column.max) + "]";
    if (column.min)
        return "at least " + describeNumber(*column.min);
    return "at most " + describeNumber(*column.max);
}

class Detector {
public:
    Detector(const stats::DatasetProfile &profile, const ValueStream &values)
        : m_profile(profile), m_values(values)
    {
    }

    std::vector<Anomaly> anomalies;

    void add(const std::string &column, AnomalyKind kind, Severity severity, std::string detail)
    {
        anomalies.push_back({column, kind, severity, std::move(detail), {}, {}, {}});
    }

    void addCounted(const std::string &column, AnomalyKind kind, Severity severity,
                    std::string detail, const RejectedValues &rejected)
    {
        anomalies.push_back({column, kind, severity, std::move(detail), rejected.count,
                             shareOf(rejected.count), rejected.examples});
    }

    double shareOf(std::uint64_t count) const
    {
        return m_profile.rows ? static_cast<double>(count) / static_cast<double>(m_profile.rows)
                              : 0;
    }

    std::string countText(const RejectedValues &rejected) const
    {
        return std::to_string(rejected.count) + (rejected.count == 1 ? " value (" : " values (") +
               describeShare(shareOf(rejected.count)) + " of rows)";
    }

    void rowCount(const RowCountBounds &bounds)
    {
        const auto rows = m_profile.rows;
        const std::string has =
            "the data has " + std::to_string(rows) + (rows == 1 ? " row" : " rows");
        if (bounds.min && rows < *bounds.min)
            add({}, AnomalyKind::RowCount, Severity::Error,
                has + "; the schema expects at least " + std::to_string(*bounds.min));
        else if (bounds.max && rows > *bounds.max)
            add({}, AnomalyKind::RowCount, Severity::Error,
                has + "; the schema expects at most " + std::to_string(*bounds.max));
    }

    Status column(const ColumnSchema &expected)
    {
        const stats::ColumnProfile *actual = findColumn(m_profile, expected.name);
        const std::string name = quoted(expected.name);
        if (!actual) {
            add(expected.name, AnomalyKind::MissingColumn,
                expected.required ? Severity::Error : Severity::Warning,
                "column " + name + " (" + (expected.required ? "required" : "optional") +
                    ") is in the schema but not in the data");
            return {};
        }
        bool typeOk = true;
        if (actual->count > 0 && !compatible(expected.type, actual->type)) {
            typeOk = false;
            ASSAY_TRY(typeMismatch(expected, *actual));
        }
        presence(expected, *actual);
        if (typeOk && (expected.min || expected.max) && isNumeric(actual->type))
            ASSAY_TRY(range(expected, *actual));
        if (expected.domain)
            ASSAY_TRY(domain(expected, *actual));
        return {};
    }

    Status typeMismatch(const ColumnSchema &expected, const stats::ColumnProfile &actual)
    {
        auto rejected = rejectedValues(actual, m_values, [&](std::string_view value) {
            return parsesAs(expected.type, value);
        });
        if (!rejected)
            return rejected.error();
        const std::string expectedType(table::typeName(expected.type));
        const std::string actualType(table::typeName(actual.type));
        std::string detail = "column " + quoted(expected.name) + ": expected " + expectedType +
                             ", the data has " + actualType + " values: " + countText(*rejected) +
                             " not " + expectedType;
        if (!rejected->examples.empty())
            detail += ", e.g. " + describeValues(rejected->examples, rejected->distinct);
        addCounted(expected.name, AnomalyKind::TypeMismatch, Severity::Error, detail, *rejected);
        return {};
    }

    void presence(const ColumnSchema &expected, const stats::ColumnProfile &actual)
    {
        if (m_profile.rows == 0)
            return;
        const double presence = 1.0 - shareOf(actual.missing);
        if (presence >= expected.effectiveMinPresence())
            return;
        const std::string name = quoted(expected.name);
        const std::string missing = std::to_string(actual.missing) + " of " +
                                    std::to_string(m_profile.rows) + " values are missing (" +
                                    describeShare(shareOf(actual.missing)) + ")";
        std::string detail = expected.required
                                 ? "column " + name + " is required but " + missing
                                 : "column " + name + " has a value in " + describeShare(presence) +
                                       " of rows; the schema expects at least " +
                                       describeShare(expected.minPresence) + " (" + missing + ")";
        anomalies.push_back({expected.name,
                             AnomalyKind::LowPresence,
                             Severity::Error,
                             std::move(detail),
                             actual.missing,
                             shareOf(actual.missing),
                             {}});
    }

    Status range(const ColumnSchema &expected, const stats::ColumnProfile &actual)
    {
        const bool below = expected.min && actual.min && *actual.min < *expected.min;
        const bool above = expected.max && actual.max && *actual.max > *expected.max;
        if (!below && !above)
            return {};
        auto rejected = rejectedValues(actual, m_values, [&](std::string_view text) {
            double value = 0;
            if (!table::parseDouble(table::trimForNumber(text), value))
                return true; // not a number: a type problem, not a range one
            return !(expected.min && value < *expected.min) &&
                   !(expected.max && value > *expected.max);
        });
        if (!rejected)
            return rejected.error();
        addCounted(expected.name, AnomalyKind::OutOfRange, Severity::Error,
                   "column " + quoted(expected.name) + ": " + countText(*rejected) +
                       " outside the declared range " + rangeText(expected) + " (the data spans " +
                       describeNumber(*actual.min) + " to " + describeNumber(*actual.max) +
                       "), e.g. " + describeValues(rejected->examples, rejected->distinct),
                   *rejected);
        return {};
    }

    Status domain(const ColumnSchema &expected, const stats::ColumnProfile &actual)
    {
        const std::unordered_set<std::string_view> allowed(expected.domain->begin(),
                                                           expected.domain->end());
        auto rejected = rejectedValues(
            actual, m_values, [&](std::string_view value) { return allowed.count(value) != 0; });
        if (!rejected)
            return rejected.error();
        if (rejected->count == 0)
            return {};
        const Severity severity = shareOf(rejected->count) > kUnexpectedValuesErrorShare
                                      ? Severity::Error
                                      : Severity::Warning;
        addCounted(
            expected.name, AnomalyKind::UnexpectedValues, severity,
            "column " + quoted(expected.name) + ": " + countText(*rejected) +
                " outside the domain: " + describeValues(rejected->examples, rejected->distinct),
            *rejected);
        return {};
    }

    void newColumns(const Schema &schema)
    {
        for (const auto &column : m_profile.columns) {
            if (!schema.column(column.name))
                add(column.name, AnomalyKind::NewColumn, Severity::Warning,
                    "column " + quoted(column.name) + " (" +
                        std::string(table::typeName(column.type)) +
                        ") is in the data but not in the schema");
        }
    }

private:
    const stats::DatasetProfile &m_profile;
    const ValueStream &m_values;
};

} // namespace

std::string_view kindName(AnomalyKind kind)
{
    switch (kind) {
    case AnomalyKind::MissingColumn:
        return "missing_column";
    case AnomalyKind::NewColumn:
        return "new_column";
    case AnomalyKind::TypeMismatch:
        return "type_mismatch";
    case AnomalyKind::OutOfRange:
        return "out_of_range";
    case AnomalyKind::UnexpectedValues:
        return "unexpected_values";
    case AnomalyKind::LowPresence:
        return "low_presence";
    case AnomalyKind::RowCount:
        return "row_count";
    }
    return "unknown";
}

std::string_view severityName(Severity severity)
{
    return severity == Severity::Error ? "error" : "warning";
}

Result<std::vector<Anomaly>> detectAnomalies(const Schema &schema,
                                             const stats::DatasetProfile &profile,
                                             const ValueStream &values)
{
    Detector detector(profile, values);
    detector.rowCount(schema.rowCount);
    for (const auto &column : schema.columns)
        ASSAY_TRY(detector.column(column));
    detector.newColumns(schema);
    return std::move(detector.anomalies);
}

} // namespace assay::validate
