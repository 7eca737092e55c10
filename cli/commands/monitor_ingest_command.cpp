#include "command_registry.h"
#include "command_workspace.h"
#include "monitor/log_ingest.h"
#include "monitor/monitor_config.h"
#include "output.h"
#include "table/datetime_parse.h"

#include <QJsonArray>

namespace assay::cli {

namespace {

const char *const kIngestDetails =
    "Reads prediction logs into the monitor of a model (created on first use: the monitor is "
    "named after the registered model or the run). Each line is one JSON record in any shape "
    "serving systems write: flat {\"timestamp\", \"id\", features..., \"prediction\"}, MLflow "
    "dataframe_records/dataframe_split/instances, KServe V1 instances/predictions and V2 "
    "input/output tensors, Seldon data.names/ndarray, CloudEvents envelopes and Fluentd "
    "TIME<TAB>TAG<TAB>{json} lines; a batch request gives one row per instance. A record with "
    "only an id and a label (label, target, actual, ground_truth, y_true or the model's target) "
    "adds the label to the prediction with that id, before or after it arrives. Files ending "
    "in .csv/.tsv are read as CSV with a timestamp column. Ingesting is idempotent: a line "
    "seen before, in any file, is stored once. Bad lines are counted and the first ones shown "
    "as FILE:LINE:COLUMN: reason; they never stop the ingest (exit 0). --reference and "
    "--window change the monitor's reference dataset and window spec (hour, day, week, "
    "rows:N, chunks:N). Exit 2 for an unreadable file, an unknown model or a bad option.";

std::string timeText(const std::optional<std::int64_t> &ns)
{
    return ns ? table::formatIsoDatetime(*ns) : std::string("-");
}

QJsonObject reportJson(const monitor::IngestReport &report)
{
    QJsonArray bad;
    for (const auto &line : report.firstBadLines)
        bad.append(QJsonObject{{QStringLiteral("file"), qs(line.file)},
                               {QStringLiteral("line"), static_cast<qint64>(line.line)},
                               {QStringLiteral("column"), static_cast<qint64>(line.column)},
                               {QStringLiteral("reason"), qs(line.reason)}});
    QJsonArray unknown;
    for (const auto &name : report.unknownFeatures)
        unknown.append(qs(name));
    auto timeJson = [](const std::optional<std::int64_t> &ns) {
        return ns ? QJsonValue(qs(table::formatIsoDatetime(*ns))) : QJsonValue(QJsonValue::Null);
    };
    return {{QStringLiteral("monitor"), qs(report.monitor)},
            {QStringLiteral("files"), static_cast<qint64>(report.files)},
            {QStringLiteral("lines"), static_cast<qint64>(report.lines)},
            {QStringLiteral("rows"), static_cast<qint64>(report.rows)},
            {QStringLiteral("duplicates"), static_cast<qint64>(report.duplicates)},
            {QStringLiteral("labels"), static_cast<qint64>(report.labels)},
            {QStringLiteral("bad_lines"), static_cast<qint64>(report.badLines)},
            {QStringLiteral("without_timestamp"), static_cast<qint64>(report.withoutTimestamp)},
            {QStringLiteral("first_bad_lines"), bad},
            {QStringLiteral("first"), timeJson(report.firstNs)},
            {QStringLiteral("last"), timeJson(report.lastNs)},
            {QStringLiteral("unknown_features"), unknown}};
}

void printReport(const monitor::IngestReport &report)
{
    printLine("monitor " + report.monitor + ": " + std::to_string(report.files) + " file(s), " +
              std::to_string(report.lines) + " lines, " + std::to_string(report.rows) + " rows stored, " +
              std::to_string(report.duplicates) + " already stored, " + std::to_string(report.labels) +
              " labels");
    if (report.firstNs)
        printLine("time span " + timeText(report.firstNs) + " .. " + timeText(report.lastNs));
    if (report.withoutTimestamp > 0)
        printLine(std::to_string(report.withoutTimestamp) +
                  " rows had no timestamp and took the previous row's time");
    if (!report.unknownFeatures.empty()) {
        std::string names;
        for (const auto &name : report.unknownFeatures)
            names += (names.empty() ? "" : ", ") + name;
        printLine("features the model does not have: " + names);
    }
    if (report.badLines > 0) {
        printLine(std::to_string(report.badLines) + " bad line(s) skipped:");
        for (const auto &line : report.firstBadLines)
            printLine("  " + line.file + ":" + std::to_string(line.line) + ":" + std::to_string(line.column) +
                      ": " + line.reason);
        if (report.badLines > report.firstBadLines.size())
            printLine("  ... and " + std::to_string(report.badLines - report.firstBadLines.size()) + " more");
    }
}

int runMonitorIngest(CommandContext &context)
{
    const Command &command = *findCommand("monitor ingest");
    const auto &logs = context.arguments.positional();
    const auto model = context.arguments.value("model");
    if (logs.empty())
        return usageError(command, "give at least one log file");
    if (!model)
        return usageError(command, "--model is required");

    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto config = monitor::configureMonitor(*workspace, {.model = *model,
                                                         .reference = context.arguments.value("reference"),
                                                         .window = context.arguments.value("window"),
                                                         .rulesJson = std::nullopt});
    if (!config)
        return fail(config.error());
    monitor::IngestOptions options;
    options.timestampColumn = context.arguments.value("timestamp-column");
    std::vector<std::filesystem::path> paths(logs.begin(), logs.end());
    auto report = monitor::ingestLogs(*workspace, config->name, paths, options, context.progress);
    if (!report)
        return fail(report.error());
    if (context.json)
        printJson(reportJson(*report));
    else
        printReport(*report);
    return ExitOk;
}

} // namespace

void addMonitorIngestCommand(std::vector<Command> &into)
{
    std::vector<OptionSpec> options{
        {"model", true, "NAME|RUN", "the registered model (NAME, NAME:VERSION, NAME@ALIAS) or run whose logs these are"},
        {"reference", true, "DATASET", "the reference dataset to compare with (default: the run's test data)"},
        {"window", true, "SPEC", "how rows are grouped: hour, day, week, rows:N or chunks:N"},
        {"timestamp-column", true, "COL", "CSV logs: the timestamp column (default: timestamp, time, ts, @timestamp or date)"}};
    into.push_back({"monitor ingest", "read prediction logs into a model's monitor", "LOG... --model NAME|RUN "
                    "[--reference DATASET] [--window SPEC] [--timestamp-column COL]",
                    kIngestDetails,
                    "assay monitor ingest logs/predictions-2024-06.jsonl --model credit-risk --window week",
                    options, runMonitorIngest});
}

} // namespace assay::cli
