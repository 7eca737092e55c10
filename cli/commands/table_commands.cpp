#include "command_registry.h"
#include "output.h"
#include "read_options.h"
#include "text_format.h"
#include "table/reader.h"
#include "version/dataset_ref.h"

#include <QJsonArray>

#include <algorithm>

namespace assay::cli {

namespace {

QJsonObject toJson(const std::string &path, const table::ReadOutcome &outcome, std::size_t head)
{
    const table::Table &t = outcome.table;
    QJsonArray columns;
    for (const auto &column : t.columns())
        columns.append(QJsonObject{{QStringLiteral("name"), qs(column.name())},
                                   {QStringLiteral("type"), qs(std::string(typeName(column.type())))},
                                   {QStringLiteral("missing"), static_cast<qint64>(column.missingCount())}});
    QJsonArray badRows;
    for (const auto &bad : outcome.report.firstBadRows)
        badRows.append(QJsonObject{{QStringLiteral("line"), static_cast<qint64>(bad.line)},
                                   {QStringLiteral("reason"), qs(bad.reason)}});
    QJsonArray rows;
    for (std::size_t r = 0; r < std::min(head, t.rowCount()); ++r) {
        QJsonObject row;
        for (const auto &column : t.columns())
            row.insert(qs(column.name()), column.isMissing(r) ? QJsonValue() : QJsonValue(qs(column.format(r))));
        rows.append(row);
    }
    return {{QStringLiteral("path"), qs(path)},
            {QStringLiteral("format"), qs(formatName(outcome.report.format))},
            {QStringLiteral("delimiter"), qs(std::string(1, outcome.report.delimiter))},
            {QStringLiteral("header"), outcome.report.headerDetected},
            {QStringLiteral("rows"), static_cast<qint64>(t.rowCount())},
            {QStringLiteral("columns"), columns},
            {QStringLiteral("bad_rows"), static_cast<qint64>(outcome.report.badRowCount)},
            {QStringLiteral("first_bad_rows"), badRows},
            {QStringLiteral("head"), rows}};
}

void printHuman(const std::string &path, const table::ReadOutcome &outcome, std::size_t head)
{
    const table::Table &t = outcome.table;
    std::size_t nameWidth = 6;
    for (const auto &column : t.columns())
        nameWidth = std::max(nameWidth, column.name().size());
    std::string text = path + ": " + std::to_string(t.rowCount()) + " rows × " +
                       std::to_string(t.columnCount()) + " columns (" +
                       formatName(outcome.report.format) +
                       (outcome.report.headerDetected ? ", header" : ", no header") + ")\n";
    text += "  " + padded("column", nameWidth) + "  type      missing\n";
    for (const auto &column : t.columns())
        text += "  " + padded(column.name(), nameWidth) + "  " +
                padded(std::string(typeName(column.type())), 8) + "  " +
                std::to_string(column.missingCount()) + "\n";
    if (outcome.report.badRowCount > 0) {
        text += "skipped " + std::to_string(outcome.report.badRowCount) + " bad rows (--lenient):\n";
        for (const auto &bad : outcome.report.firstBadRows)
            text += "  line " + std::to_string(bad.line) + ": " + bad.reason + "\n";
    }
    for (std::size_t r = 0; r < std::min(head, t.rowCount()); ++r) {
        std::string line = "  ";
        for (std::size_t c = 0; c < t.columnCount(); ++c)
            line += (c ? "," : "") + (t.column(c).isMissing(r) ? std::string("NA") : t.column(c).format(r));
        text += line + "\n";
    }
    text.pop_back();
    printLine(text);
}

int runInspect(CommandContext &context)
{
    const Command &command = *findCommand("inspect");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one data file");
    auto options = readOptionsFrom(context.arguments);
    if (!options)
        return usageError(command, options.error().message);
    std::size_t head = 0;
    if (auto value = context.arguments.value("head")) {
        try {
            head = std::stoul(*value);
        } catch (const std::exception &) {
            return usageError(command, "--head: not a number: " + *value);
        }
    }
    auto outcome = version::readDataset(version::parseDatasetRef(positional.front()), *options,
                                        context.progress);
    if (!outcome)
        return fail(outcome.error());
    if (context.json)
        printJson(toJson(positional.front(), *outcome, head));
    else
        printHuman(positional.front(), *outcome, head);
    return ExitOk;
}

} // namespace

void addTableCommands(std::vector<Command> &into)
{
    std::vector<OptionSpec> inspectOptions = readOptionSpecs();
    inspectOptions.push_back({"head", true, "N", "also print the first N rows"});
    into.push_back({"inspect", "read a CSV/TSV/JSON Lines file and show its columns and types",
                    "DATA [--head N] [--lenient] [--format F] [--delimiter C] [--header H]",
                    "Reads the whole file strictly: a malformed row stops with FILE:LINE:COLUMN "
                    "and exit code 2,\nunless --lenient skips and counts bad rows. DATA may be "
                    "PATH@REV: a tracked dataset at any git revision.",
                    "assay inspect data/credit.csv --head 5", inspectOptions, runInspect});
}

} // namespace assay::cli
