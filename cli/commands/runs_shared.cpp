#include "runs_shared.h"

#include "output.h"
#include "text_format.h"
#include "track/run_filter.h"
#include "track/run_query.h"

#include <QDateTime>
#include <QString>

#include <algorithm>
#include <cmath>

namespace assay::cli {

using track::RunRecord;

std::string localTime(const std::optional<std::int64_t> &ms)
{
    if (!ms)
        return "-";
    return QDateTime::fromMSecsSinceEpoch(*ms)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        .toStdString();
}

std::string metricText(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    return compactNumber(value);
}

void printTable(const std::vector<std::vector<std::string>> &rows)
{
    std::vector<std::size_t> widths;
    for (const auto &row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths.resize(std::max(widths.size(), row.size()));
            widths[c] = std::max(widths[c],
                                 static_cast<std::size_t>(QString::fromStdString(row[c]).size()));
        }
    std::ostringstream out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string line;
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            line += c + 1 == rows[r].size() ? rows[r][c] : padded(rows[r][c], widths[c] + 2);
        out << line << (r + 1 == rows.size() ? "" : "\n");
    }
    printLine(out.str());
}

std::vector<OptionSpec> selectionOptions()
{
    return {{"experiment", true, "NAME", "only runs of this experiment"},
            {"filter", true, "EXPR",
             "MLflow search syntax, e.g. \"metrics.auc > 0.8 and params.depth = '6'\""},
            {"sort", true, "KEY",
             "metrics.KEY, params.KEY, tags.KEY, start_time, end_time, name, status"},
            {"desc", false, "", "sort descending"},
            {"deleted", false, "", "only deleted runs"},
            {"all", false, "", "deleted and active runs"}};
}

Result<std::vector<track::RunRecord>> selectRuns(const CommandContext &context)
{
    const Arguments &arguments = context.arguments;
    if (!arguments.positional().empty())
        return Error::invalidInput("unexpected argument '" + arguments.positional().front() + "'");
    track::RunQuery query;
    query.experiment = arguments.value("experiment");
    if (arguments.flag("deleted") && arguments.flag("all"))
        return Error::invalidInput("--deleted and --all exclude each other");
    query.deleted = arguments.flag("all")       ? track::DeletedRuns::Include
                    : arguments.flag("deleted") ? track::DeletedRuns::Only
                                                : track::DeletedRuns::Hide;
    track::FilterNode filter;
    if (const auto text = arguments.value("filter")) {
        auto parsed = track::parseFilter(*text);
        if (!parsed)
            return parsed.error();
        filter = std::move(*parsed);
    }
    std::optional<track::Comparison> sortField;
    if (const auto key = arguments.value("sort")) {
        auto field = track::parseRunField(*key);
        if (!field)
            return Error::invalidInput("--sort: " + field.error().message);
        sortField = std::move(*field);
    }
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return ws.error();
    auto runs = track::listRuns(ws->database(), query);
    if (!runs)
        return runs.error();
    if (filter.kind != track::FilterNode::Kind::MatchAll)
        runs->erase(std::remove_if(
                        runs->begin(), runs->end(),
                        [&](const RunRecord &run) { return !track::matchesFilter(filter, run); }),
                    runs->end());
    if (sortField)
        track::sortRuns(*runs, *sortField, arguments.flag("desc"));
    else if (arguments.flag("desc"))
        return Error::invalidInput("--desc needs --sort KEY");
    return runs;
}

} // namespace assay::cli
