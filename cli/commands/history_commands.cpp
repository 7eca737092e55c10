#include "command_registry.h"
#include "json_values.h"
#include "output.h"
#include "text_format.h"
#include "read_options.h"
#include "version/dataset_history.h"
#include "version/dataset_ref.h"
#include "version/table_diff.h"

#include <QDateTime>
#include <QJsonArray>

#include <cmath>
#include <sstream>

namespace assay::cli {

namespace {

using version::RowChange;

std::string localTime(std::int64_t seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds).toString(QStringLiteral("yyyy-MM-dd HH:mm")).toStdString();
}

int runLog(CommandContext &context)
{
    const Command &command = *findCommand("data log");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one tracked dataset");
    auto history = version::datasetHistory(positional.front());
    if (!history)
        return fail(history.error());

    if (context.json) {
        QJsonArray versions;
        for (const auto &v : *history) {
            QJsonObject entry{{QStringLiteral("commit"), qs(v.commit)},
                              {QStringLiteral("date"), QDateTime::fromSecsSinceEpoch(v.time, Qt::UTC)
                                                           .toString(Qt::ISODate)},
                              {QStringLiteral("author"), qs(v.author)},
                              {QStringLiteral("email"), qs(v.email)},
                              {QStringLiteral("message"), qs(v.message)},
                              {QStringLiteral("md5"), qs(v.md5)},
                              {QStringLiteral("size"), static_cast<qint64>(v.size)}};
            entry.insert(QStringLiteral("nfiles"), v.nfiles ? QJsonValue(static_cast<qint64>(*v.nfiles)) : QJsonValue());
            entry.insert(QStringLiteral("rows"), v.rows ? QJsonValue(static_cast<qint64>(*v.rows)) : QJsonValue());
            entry.insert(QStringLiteral("columns"), v.columns ? QJsonValue(static_cast<qint64>(*v.columns)) : QJsonValue());
            versions.append(entry);
        }
        printJson({{QStringLiteral("path"), qs(positional.front())},
                   {QStringLiteral("versions"), versions}});
        return ExitOk;
    }
    std::ostringstream out;
    out << positional.front() << ": " << history->size()
        << (history->size() == 1 ? " version" : " versions");
    for (const auto &v : *history) {
        out << "\n  " << v.commit.substr(0, 7) << "  " << localTime(v.time) << "  " << v.author
            << "  md5 " << v.md5.substr(0, 8) << "  " << humanSize(v.size);
        if (v.nfiles)
            out << "  " << *v.nfiles << " files";
        if (v.rows && v.columns)
            out << "  " << *v.rows << " × " << *v.columns;
        out << "\n           " << v.message;
    }
    printLine(out.str());
    return ExitOk;
}

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> items;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');) {
        if (!item.empty())
            items.push_back(item);
    }
    return items;
}

struct DiffInputs {
    version::DatasetRef refA, refB;
    table::Table a, b;
    version::TableDiff diff;
    std::vector<std::string> keys;
};

QJsonObject keyObject(const DiffInputs &in, const RowChange &change)
{
    QJsonObject key;
    const bool fromA = change.rowA != version::kNoRow;
    const table::Table &t = fromA ? in.a : in.b;
    const std::size_t row = fromA ? change.rowA : change.rowB;
    for (const auto &name : in.keys)
        key.insert(qs(name), cellToJson(t.column(*t.indexOf(name)), row));
    return key;
}

QJsonObject changeToJson(const DiffInputs &in, const RowChange &change)
{
    static const char *ops[] = {"add", "remove", "modify"};
    QJsonObject entry{{QStringLiteral("op"), QLatin1String(ops[static_cast<int>(change.op)])}};
    entry.insert(QStringLiteral("key"), in.keys.empty() ? QJsonValue() : QJsonValue(keyObject(in, change)));
    if (change.rowA != version::kNoRow)
        entry.insert(QStringLiteral("row_a"), static_cast<qint64>(change.rowA + 1));
    if (change.rowB != version::kNoRow)
        entry.insert(QStringLiteral("row_b"), static_cast<qint64>(change.rowB + 1));
    QJsonObject cells;
    for (const auto &name : change.changedColumns) {
        cells.insert(qs(name),
                     QJsonObject{{QStringLiteral("from"), cellToJson(in.a.column(*in.a.indexOf(name)), change.rowA)},
                                 {QStringLiteral("to"), cellToJson(in.b.column(*in.b.indexOf(name)), change.rowB)}});
    }
    if (change.op == RowChange::Op::Modify)
        entry.insert(QStringLiteral("cells"), cells);
    return entry;
}

QJsonObject diffToJson(const DiffInputs &in)
{
    const auto &d = in.diff;
    QJsonArray added, removed, retyped, changes, columns;
    for (const auto &name : d.schema.added)
        added.append(qs(name));
    for (const auto &name : d.schema.removed)
        removed.append(qs(name));
    for (const auto &r : d.schema.retyped)
        retyped.append(QJsonObject{{QStringLiteral("column"), qs(r.column)},
                                   {QStringLiteral("from"), qs(std::string(table::typeName(r.from)))},
                                   {QStringLiteral("to"), qs(std::string(table::typeName(r.to)))}});
    for (const auto &change : d.changes)
        changes.append(changeToJson(in, change));
    for (const auto &c : d.columns)
        columns.append(QJsonObject{{QStringLiteral("name"), qs(c.name)},
                                   {QStringLiteral("mean_delta"), numberOrNull(c.meanDelta)},
                                   {QStringLiteral("missing_delta"), c.missingShareDelta},
                                   {QStringLiteral("distinct_delta"), static_cast<qint64>(c.distinctDelta)}});
    return {{QStringLiteral("a"), qs(in.refA.display())},
            {QStringLiteral("b"), qs(in.refB.display())},
            {QStringLiteral("schema"), QJsonObject{{QStringLiteral("added"), added},
                                                   {QStringLiteral("removed"), removed},
                                                   {QStringLiteral("retyped"), retyped}}},
            {QStringLiteral("rows"), QJsonObject{{QStringLiteral("added"), static_cast<qint64>(d.added)},
                                                 {QStringLiteral("removed"), static_cast<qint64>(d.removed)},
                                                 {QStringLiteral("modified"), static_cast<qint64>(d.modified)},
                                                 {QStringLiteral("unchanged"), static_cast<qint64>(d.unchanged)}}},
            {QStringLiteral("changes"), changes},
            {QStringLiteral("columns"), columns}};
}

std::string cellText(const table::Column &column, std::size_t row)
{
    return column.isMissing(row) ? "NA" : column.format(row);
}

void printDiff(const DiffInputs &in, std::size_t shown)
{
    const auto &d = in.diff;
    std::ostringstream out;
    out << "A: " << in.refA.display() << " (" << in.a.rowCount() << " rows × " << in.a.columnCount()
        << " columns)\nB: " << in.refB.display() << " (" << in.b.rowCount() << " rows × "
        << in.b.columnCount() << " columns)\n";
    for (const auto &name : d.schema.added)
        out << "column added: " << name << "\n";
    for (const auto &name : d.schema.removed)
        out << "column removed: " << name << "\n";
    for (const auto &r : d.schema.retyped)
        out << "column retyped: " << r.column << " " << table::typeName(r.from) << " → "
            << table::typeName(r.to) << "\n";
    out << "rows: +" << d.added << " added · −" << d.removed << " removed";
    if (!in.keys.empty())
        out << " · ~" << d.modified << " modified";
    out << " · " << d.unchanged << " unchanged\n";
    for (std::size_t i = 0; i < std::min(shown, d.changes.size()); ++i) {
        const RowChange &change = d.changes[i];
        const char symbol = change.op == RowChange::Op::Add ? '+' : change.op == RowChange::Op::Remove ? '-' : '~';
        out << "  " << symbol << " ";
        const bool fromA = change.rowA != version::kNoRow;
        const table::Table &t = fromA ? in.a : in.b;
        const std::size_t row = fromA ? change.rowA : change.rowB;
        if (in.keys.empty()) {
            out << (fromA ? "A row " : "B row ") << row + 1;
        } else {
            for (std::size_t k = 0; k < in.keys.size(); ++k)
                out << (k ? ", " : "") << in.keys[k] << "=" << cellText(t.column(*t.indexOf(in.keys[k])), row);
        }
        for (std::size_t c = 0; c < change.changedColumns.size(); ++c) {
            const auto &name = change.changedColumns[c];
            out << (c ? ", " : ": ") << name << " " << cellText(in.a.column(*in.a.indexOf(name)), change.rowA)
                << " → " << cellText(in.b.column(*in.b.indexOf(name)), change.rowB);
        }
        out << "\n";
    }
    if (d.changes.size() > shown)
        out << "  … " << (d.added + d.removed + d.modified - shown) << " more (--limit N, or --json)\n";
    out << "columns (B − A):        mean Δ   missing Δ  distinct Δ";
    for (const auto &c : d.columns) {
        char mean[32] = "·";
        if (!std::isnan(c.meanDelta))
            std::snprintf(mean, sizeof mean, "%+.4g", c.meanDelta);
        char line[160];
        std::snprintf(line, sizeof line, "\n  %-20s %12s  %+9.2f%%  %+10lld", c.name.c_str(), mean,
                      c.missingShareDelta * 100, static_cast<long long>(c.distinctDelta));
        out << line;
    }
    printLine(out.str());
}

int runDiff(CommandContext &context)
{
    const Command &command = *findCommand("diff");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 2)
        return usageError(command, "expected two datasets, A and B");
    auto options = readOptionsFrom(context.arguments);
    if (!options)
        return usageError(command, options.error().message);

    DiffInputs in{version::parseDatasetRef(positional[0]), version::parseDatasetRef(positional[1]), {}, {}, {}, {}};
    version::DiffOptions diffOptions;
    if (auto key = context.arguments.value("key"))
        diffOptions.keyColumns = in.keys = splitList(*key);
    if (auto limit = context.arguments.value("limit")) {
        try {
            diffOptions.limit = std::stoul(*limit);
        } catch (const std::exception &) {
            return usageError(command, "--limit: not a number: " + *limit);
        }
    }
    auto a = version::readDataset(in.refA, *options, context.progress);
    if (!a)
        return fail(a.error());
    auto b = version::readDataset(in.refB, *options, context.progress);
    if (!b)
        return fail(b.error());
    in.a = std::move(a->table);
    in.b = std::move(b->table);
    auto diff = version::diffTables(in.a, in.b, diffOptions, context.progress);
    if (!diff)
        return fail(diff.error());
    in.diff = std::move(*diff);
    if (context.json)
        printJson(diffToJson(in));
    else
        printDiff(in, std::min<std::size_t>(diffOptions.limit, 20));
    return ExitOk;
}

} // namespace

void addHistoryCommands(std::vector<Command> &into)
{
    into.push_back({"data log", "the versions of a tracked dataset from git history", "PATH",
                    "Lists the commits that changed PATH.dvc, newest first, with author, date, "
                    "message, md5 and size,\nand rows × columns once Assay has read that version.",
                    "assay data log data/credit.csv", {}, runLog});
    std::vector<OptionSpec> diffOptions = readOptionSpecs();
    diffOptions.push_back({"key", true, "COL[,COL]", "match rows by these columns (unique in each)"});
    diffOptions.push_back({"limit", true, "N", "how many row changes to list (default 1000)"});
    into.push_back({"diff", "compare two datasets or versions: schema, rows, cells, statistics",
                    "A B [--key COL[,COL]] [--limit N]",
                    "A and B are files or PATH@REV (any git revision). With --key, rows are matched "
                    "by key and modified\ncells are listed old → new; without, rows compare as "
                    "multisets (duplicates counted). Exit 0 whether\nor not they differ; 2 when a "
                    "key is not unique (the first duplicate is named).",
                    "assay diff data/credit.csv@HEAD~1 data/credit.csv --key application_id",
                    diffOptions, runDiff});
}

} // namespace assay::cli
