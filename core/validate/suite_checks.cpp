#include "validate/suite_checks.h"

#include "table/number_parse.h"
#include "validate/profile_lookup.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace assay::validate {

namespace {

using table::ColumnType;

bool isNumeric(ColumnType type)
{
    return type == ColumnType::Int || type == ColumnType::Float;
}

std::optional<double> numberOf(std::string_view text)
{
    double value = 0;
    if (!table::parseDouble(table::trimForNumber(text), value))
        return std::nullopt;
    return value;
}

std::string boundsText(const Bounds &bounds)
{
    if (bounds.min && bounds.max)
        return "[" + describeNumber(*bounds.min) + ", " + describeNumber(*bounds.max) + "]";
    if (bounds.min)
        return "at least " + describeNumber(*bounds.min);
    return "at most " + describeNumber(*bounds.max);
}

bool within(const Bounds &bounds, double value)
{
    return !(bounds.min && value < *bounds.min) && !(bounds.max && value > *bounds.max);
}

class SuiteRunner {
public:
    SuiteRunner(const stats::DatasetProfile &profile, const ValueStream &values)
        : m_profile(profile), m_values(values)
    {
    }

    Result<TestResult> run(const DataTest &test) const
    {
        TestResult result{test.name, test.column, test.check, false, {}, {}};
        if (test.check == CheckKind::RowCountBetween) {
            result.passed = within(test.bounds, static_cast<double>(m_profile.rows));
            result.detail =
                std::to_string(m_profile.rows) + " rows, expected " + boundsText(test.bounds);
            return result;
        }
        const stats::ColumnProfile *column = findColumn(m_profile, test.column);
        if (!column) {
            result.detail = "column '" + test.column + "' is not in the data";
            return result;
        }
        ASSAY_TRY(check(test, *column, result));
        return result;
    }

private:
    double shareOf(std::uint64_t count) const
    {
        return m_profile.rows ? static_cast<double>(count) / static_cast<double>(m_profile.rows)
                              : 0;
    }

    std::string rowsText(std::uint64_t count) const
    {
        return std::to_string(count) + (count == 1 ? " value (" : " values (") +
               describeShare(shareOf(count)) + " of rows)";
    }

    void fromRejected(const RejectedValues &rejected, const std::string &what,
                      TestResult &result) const
    {
        result.passed = rejected.count == 0;
        result.failingRows = rejected.count;
        result.detail = result.passed ? "every value " + what
                                      : rowsText(rejected.count) + " not " + what + ", e.g. " +
                                            describeValues(rejected.examples, rejected.distinct);
    }

    Status statistic(const std::optional<double> &value, const char *what, const DataTest &test,
                     TestResult &result) const
    {
        if (!value) {
            const auto *column = findColumn(m_profile, test.column);
            result.detail = std::string("no ") + what + " for this " +
                            std::string(table::typeName(column->type)) + " column with " +
                            std::to_string(column->count) + " values";
            return {};
        }
        result.passed = within(test.bounds, *value);
        result.detail = std::string(what) + " " + describeNumber(*value) + ", expected " +
                        boundsText(test.bounds);
        return {};
    }

    Status check(const DataTest &test, const stats::ColumnProfile &column, TestResult &result) const
    {
        switch (test.check) {
        case CheckKind::NotNull:
            result.passed = column.missing == 0;
            result.failingRows = column.missing;
            result.detail =
                result.passed ? "no missing values" : rowsText(column.missing) + " missing";
            return {};
        case CheckKind::Unique: {
            auto duplicated = duplicatedValues(column, m_values);
            if (!duplicated)
                return duplicated.error();
            result.passed = duplicated->rows == 0;
            result.failingRows = duplicated->rows;
            result.detail =
                result.passed
                    ? "all " + std::to_string(column.count) + " values are distinct"
                    : std::to_string(duplicated->rows) + " rows repeat a value, e.g. " +
                          describeValues(duplicated->examples, duplicated->examples.size());
            return {};
        }
        case CheckKind::Between: {
            if (!isNumeric(column.type) && column.count > 0) {
                result.detail =
                    "the column is " + std::string(table::typeName(column.type)) + ", not numeric";
                return {};
            }
            auto rejected = rejectedValues(column, m_values, [&](std::string_view text) {
                const auto value = numberOf(text);
                return value && within(test.bounds, *value);
            });
            if (!rejected)
                return rejected.error();
            fromRejected(*rejected, "within " + boundsText(test.bounds), result);
            return {};
        }
        case CheckKind::InSet: {
            std::vector<double> numbers;
            if (isNumeric(column.type)) {
                for (const auto &value : test.values) {
                    if (const auto number = numberOf(value))
                        numbers.push_back(*number);
                }
            }
            auto rejected = rejectedValues(column, m_values, [&](std::string_view text) {
                if (isNumeric(column.type)) {
                    const auto value = numberOf(text);
                    return value &&
                           std::find(numbers.begin(), numbers.end(), *value) != numbers.end();
                }
                return std::find(test.values.begin(), test.values.end(), text) != test.values.end();
            });
            if (!rejected)
                return rejected.error();
            fromRejected(*rejected, "in the set", result);
            return {};
        }
        case CheckKind::Regex: {
            const QRegularExpression regex(
                QRegularExpression::anchoredPattern(QString::fromStdString(test.pattern)));
            auto rejected = rejectedValues(column, m_values, [&](std::string_view text) {
                return regex
                    .match(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())))
                    .hasMatch();
            });
            if (!rejected)
                return rejected.error();
            fromRejected(*rejected, "matching the pattern", result);
            return {};
        }
        case CheckKind::MeanBetween:
            return statistic(column.mean, "mean", test, result);
        case CheckKind::StdBetween:
            return statistic(column.std, "standard deviation", test, result);
        case CheckKind::RowCountBetween:
            break;
        }
        return {};
    }

    const stats::DatasetProfile &m_profile;
    const ValueStream &m_values;
};

} // namespace

Result<std::vector<TestResult>>
runSuite(const DataSuite &suite, const stats::DatasetProfile &profile, const ValueStream &values)
{
    SuiteRunner runner(profile, values);
    std::vector<TestResult> results;
    for (const auto &test : suite.tests) {
        auto result = runner.run(test);
        if (!result)
            return result.error();
        results.push_back(std::move(*result));
    }
    return results;
}

} // namespace assay::validate
