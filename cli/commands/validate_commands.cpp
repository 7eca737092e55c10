#include "command_registry.h"
#include "output.h"
#include "read_options.h"
#include "text_format.h"
#include "stats/profile.h"
#include "validate/schema_inference.h"
#include "validate/schema_json.h"
#include "validate/suite_yaml.h"
#include "validate/validation.h"
#include "version/dataset_ref.h"

#include <QJsonArray>

#include <algorithm>
#include <cstdio>

namespace assay::cli {

namespace {

using validate::Anomaly;
using validate::Severity;
using validate::TestResult;

// `-o FILE` arrives among the positional arguments (the parser knows long options only).
std::optional<std::string> takeShortOutput(std::vector<std::string> &positional,
                                           std::string &problem)
{
    std::optional<std::string> output;
    for (auto it = positional.begin(); it != positional.end();) {
        if (*it != "-o") {
            ++it;
            continue;
        }
        if (std::next(it) == positional.end()) {
            problem = "-o needs a value (FILE)";
            return std::nullopt;
        }
        output = *std::next(it);
        it = positional.erase(it, std::next(it, 2));
    }
    return output;
}

int runSchemaInfer(CommandContext &context)
{
    const Command &command = *findCommand("schema infer");
    std::vector<std::string> positional = context.arguments.positional();
    std::string problem;
    std::optional<std::string> output = takeShortOutput(positional, problem);
    if (!problem.empty())
        return usageError(command, problem);
    if (auto value = context.arguments.value("output"))
        output = *value;
    if (positional.size() != 1)
        return usageError(command, "expected one data file");
    auto options = readOptionsFrom(context.arguments);
    if (!options)
        return usageError(command, options.error().message);

    auto profile = stats::profileDataset(version::parseDatasetRef(positional.front()), *options,
                                         context.progress);
    if (!profile)
        return fail(profile.error());
    const validate::Schema schema = validate::inferSchema(*profile);
    if (!output) {
        std::string text = validate::schemaToJson(schema);
        std::fwrite(text.data(), 1, text.size(), stdout);
        return ExitOk;
    }
    if (auto saved = validate::saveSchema(schema, *output); !saved)
        return fail(saved.error());
    const auto ranges = std::count_if(schema.columns.begin(), schema.columns.end(),
                                      [](const auto &c) { return c.min || c.max; });
    const auto domains = std::count_if(schema.columns.begin(), schema.columns.end(),
                                       [](const auto &c) { return c.domain.has_value(); });
    if (context.json) {
        printJson({{QStringLiteral("output"), qs(*output)},
                   {QStringLiteral("source"), qs(positional.front())},
                   {QStringLiteral("rows"), static_cast<qint64>(profile->rows)},
                   {QStringLiteral("columns"), static_cast<qint64>(schema.columns.size())}});
    } else {
        printLine("wrote " + *output + ": " + std::to_string(schema.columns.size()) + " columns (" +
                  std::to_string(ranges) + " with a range, " + std::to_string(domains) +
                  " with a domain) from " + positional.front() + ", " +
                  std::to_string(profile->rows) + " rows");
    }
    return ExitOk;
}

QJsonObject anomalyToJson(const Anomaly &anomaly)
{
    QJsonObject object{
        {QStringLiteral("column"), qs(anomaly.column)},
        {QStringLiteral("kind"), qs(std::string(validate::kindName(anomaly.kind)))},
        {QStringLiteral("severity"), qs(std::string(validate::severityName(anomaly.severity)))},
        {QStringLiteral("detail"), qs(anomaly.detail)}};
    if (anomaly.count)
        object.insert(QStringLiteral("count"), static_cast<qint64>(*anomaly.count));
    if (anomaly.share)
        object.insert(QStringLiteral("share"), *anomaly.share);
    if (!anomaly.values.empty()) {
        QJsonArray values;
        for (const auto &entry : anomaly.values)
            values.append(QJsonObject{{QStringLiteral("value"), qs(entry.value)},
                                      {QStringLiteral("count"), static_cast<qint64>(entry.count)}});
        object.insert(QStringLiteral("values"), values);
    }
    return object;
}

QJsonObject testToJson(const TestResult &test)
{
    QJsonObject object{{QStringLiteral("name"), qs(test.name)},
                       {QStringLiteral("column"),
                        test.column.empty() ? QJsonValue() : QJsonValue(qs(test.column))},
                       {QStringLiteral("check"), qs(std::string(validate::checkName(test.check)))},
                       {QStringLiteral("passed"), test.passed},
                       {QStringLiteral("detail"), qs(test.detail)}};
    if (test.failingRows)
        object.insert(QStringLiteral("failing_rows"), static_cast<qint64>(*test.failingRows));
    return object;
}

QJsonObject reportToJson(const validate::ValidationReport &report, bool withTests)
{
    QJsonArray anomalies, tests;
    for (const auto &anomaly : report.anomalies)
        anomalies.append(anomalyToJson(anomaly));
    for (const auto &test : report.tests)
        tests.append(testToJson(test));
    QJsonObject document{{QStringLiteral("source"), qs(report.source)},
                         {QStringLiteral("rows"), static_cast<qint64>(report.rows)},
                         {QStringLiteral("anomalies"), anomalies},
                         {QStringLiteral("passed"), !report.failed()}};
    if (withTests)
        document.insert(QStringLiteral("tests"), tests);
    return document;
}

void printReport(const validate::ValidationReport &report, bool withTests)
{
    const auto errors =
        std::count_if(report.anomalies.begin(), report.anomalies.end(),
                      [](const Anomaly &a) { return a.severity == Severity::Error; });
    const auto warnings = static_cast<long>(report.anomalies.size()) - errors;
    const auto passed = std::count_if(report.tests.begin(), report.tests.end(),
                                      [](const TestResult &t) { return t.passed; });
    std::string text = report.source + ": " + std::to_string(report.rows) + " rows, " +
                       (report.anomalies.empty() ? std::string("no anomalies")
                                                 : std::to_string(errors) + " errors, " +
                                                       std::to_string(warnings) + " warnings");
    if (withTests)
        text += ", " + std::to_string(passed) + " of " + std::to_string(report.tests.size()) +
                " tests passed";
    for (const auto &anomaly : report.anomalies)
        text += "\n  " + padded(std::string(validate::severityName(anomaly.severity)), 8) + " " +
                padded(std::string(validate::kindName(anomaly.kind)), 18) + " " + anomaly.detail;
    for (const auto &test : report.tests)
        text += std::string("\n  ") + (test.passed ? "pass     " : "FAIL     ") + test.name + ": " +
                test.detail;
    printLine(text);
}

int runValidate(CommandContext &context)
{
    const Command &command = *findCommand("validate");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one data file");
    const version::DatasetRef ref = version::parseDatasetRef(positional.front());
    std::string schemaPath;
    if (auto given = context.arguments.value("schema")) {
        schemaPath = *given;
    } else {
        schemaPath = validate::schemaPathBeside(ref.path).string();
        std::error_code error;
        if (!std::filesystem::exists(schemaPath, error))
            return usageError(command, "no --schema FILE given and no " + schemaPath +
                                           " beside the data (make one with `assay schema infer " +
                                           ref.path + " -o " + schemaPath + "`)");
    }
    auto options = readOptionsFrom(context.arguments);
    if (!options)
        return usageError(command, options.error().message);
    auto schema = validate::loadSchema(schemaPath);
    if (!schema)
        return fail(schema.error());
    std::optional<validate::DataSuite> suite;
    if (auto suitePath = context.arguments.value("suite")) {
        auto loaded = validate::loadSuite(*suitePath);
        if (!loaded)
            return fail(loaded.error());
        suite = std::move(*loaded);
    }
    auto report = validate::validateDataset(ref, *schema,
                                            suite ? &*suite : nullptr, *options, context.progress);
    if (!report)
        return fail(report.error());
    if (context.json)
        printJson(reportToJson(*report, suite.has_value()));
    else
        printReport(*report, suite.has_value());
    return report->failed() ? ExitCheckFailed : ExitOk;
}

const char *const kValidateDetails =
    "Compares DATA (a file, or PATH@REV: a tracked dataset at a git revision) with a schema\n"
    "and reports anomalies, each with a column, a kind and a severity:\n"
    "  missing_column     error when the column is required, else warning\n"
    "  new_column         warning\n"
    "  type_mismatch      error, with examples (int data in a float column, anything in a\n"
    "                     string column is fine)\n"
    "  out_of_range       error: values outside the column's [min, max]\n"
    "  unexpected_values  values outside the domain, with their share: error above 1% of\n"
    "                     rows, else warning\n"
    "  low_presence       error: a required column with missing values, or an optional one\n"
    "                     with values in fewer than min_presence of the rows\n"
    "  row_count          error: rows outside row_count {min, max}\n"
    "--suite adds declarative data tests from a YAML file. An entry names a column, an\n"
    "optional name, and one or more checks: not_null, unique (missing values aside),\n"
    "between {min, max}, in_set [values], regex (the whole value must match), mean_between,\n"
    "std_between (sample standard deviation) and row_count_between (no column):\n"
    "  tests:\n"
    "    - column: age\n"
    "      between: {min: 18, max: 99}\n"
    "    - column: id\n"
    "      unique: true\n"
    "      not_null: true\n"
    "    - column: email\n"
    "      regex: '^[^@]+@[^@]+$'\n"
    "    - column: purpose\n"
    "      in_set: [car, education, home]\n"
    "    - column: income\n"
    "      mean_between: {min: 1000, max: 9000}\n"
    "      name: income level as expected\n"
    "    - row_count_between: {min: 100}\n"
    "Exit code 1 when an error anomaly or a failed test is found, 0 otherwise; 2 for a\n"
    "malformed schema or suite (FILE:LINE:COLUMN and the key) or unreadable data.";

const char *const kInferDetails =
    "Profiles DATA (a file, or PATH@REV) and writes a conservative schema that the data itself\n"
    "satisfies, as JSON a person can edit: each column's type; required (no missing value)\n"
    "or optional with min_presence (the observed share of rows with a value, rounded down to\n"
    "2 decimals); for int and float columns the observed [min, max]; for string columns with\n"
    "at most 20 distinct values, each seen twice on average, the domain of allowed values;\n"
    "and row_count {min: 1}. Edit it, then check new data with `assay validate`.";

} // namespace

void addValidateCommands(std::vector<Command> &into)
{
    std::vector<OptionSpec> inferOptions = readOptionSpecs();
    inferOptions.push_back(
        {"output", true, "FILE", "write the schema to FILE (also -o FILE); default: stdout"});
    into.push_back(
        {"schema infer", "infer an editable schema (types, presence, ranges, domains) from data",
         "DATA [-o FILE] [--lenient] [--format F] [--delimiter C] [--header H]", kInferDetails,
         "assay schema infer data/credit.csv -o credit.schema.json", inferOptions, runSchemaInfer});

    std::vector<OptionSpec> validateOptions = readOptionSpecs();
    validateOptions.push_back({"schema", true, "FILE",
                               "the schema to check against (default: NAME.schema.json beside the data)"});
    validateOptions.push_back({"suite", true, "FILE", "a YAML file of data tests to run too"});
    into.push_back(
        {"validate", "check data against a schema and a suite of data tests",
         "DATA [--schema FILE] [--suite FILE] [--lenient] [--format F] [--delimiter C] [--header H]",
         kValidateDetails,
         "assay validate data/credit.csv@HEAD --schema credit.schema.json --suite checks.yaml",
         validateOptions, runValidate});
}

} // namespace assay::cli
