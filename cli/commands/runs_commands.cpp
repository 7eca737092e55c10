#include "command_registry.h"
#include "govern/access_control.h"
#include "output.h"
#include "run_json.h"
#include "runs_shared.h"
#include "text_format.h"
#include "track/mlflow_import.h"
#include "track/run_filter.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include <QDateTime>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <set>
#include <sstream>

namespace assay::cli {

namespace {

using track::RunRecord;

int runList(CommandContext &context)
{
    auto runs = selectRuns(context);
    if (!runs)
        return fail(runs.error());
    if (context.json) {
        const std::string text = runSummariesJsonText(*runs);
        std::fwrite(text.data(), 1, text.size(), stdout);
        return ExitOk;
    }
    if (runs->empty()) {
        printLine("no runs");
        return ExitOk;
    }
    // Metric columns: the sort key first when it is a metric, then the most common keys.
    std::map<std::string, std::size_t> counts;
    for (const auto &run : *runs)
        for (const auto &entry : run.latestMetrics)
            ++counts[entry.first];
    std::vector<std::string> metricKeys;
    if (const auto sort = context.arguments.value("sort"); sort && sort->rfind("metrics.", 0) == 0)
        metricKeys.push_back(sort->substr(8));
    std::vector<std::pair<std::size_t, std::string>> byCount;
    for (const auto &[key, count] : counts)
        byCount.emplace_back(count, key);
    std::stable_sort(byCount.begin(), byCount.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &entry : byCount)
        if (metricKeys.size() < 4 &&
            std::find(metricKeys.begin(), metricKeys.end(), entry.second) == metricKeys.end())
            metricKeys.push_back(entry.second);

    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"RUN", "EXPERIMENT", "NAME", "STATUS", "START"};
    for (const auto &key : metricKeys)
        header.push_back(key);
    rows.push_back(header);
    for (const auto &run : *runs) {
        std::vector<std::string> row{
            run.info.runId.substr(0, 8), shortened(run.info.experiment, 24),
            shortened(run.info.name, 28) + (run.info.deleted ? " (deleted)" : ""),
            std::string(track::statusName(run.info.status)), localTime(run.info.startMs)};
        for (const auto &key : metricKeys) {
            const auto it = run.latestMetrics.find(key);
            row.push_back(it == run.latestMetrics.end() ? "-" : metricText(it->second.value));
        }
        rows.push_back(std::move(row));
    }
    printTable(rows);
    printLine(std::to_string(runs->size()) + (runs->size() == 1 ? " run" : " runs"));
    return ExitOk;
}

// Opens the workspace and resolves RUN; the error is already printed when it fails.
struct ResolvedRun {
    std::optional<workspace::Workspace> ws;
    std::string runId;
    int exitCode = ExitOk;
};

ResolvedRun resolve(const CommandContext &context, const std::string &reference)
{
    ResolvedRun resolved;
    auto ws = openCommandWorkspace(context);
    if (!ws) {
        resolved.exitCode = fail(ws.error());
        return resolved;
    }
    auto id = track::resolveRun(ws->database(), reference);
    if (!id) {
        resolved.exitCode = fail(id.error());
        return resolved;
    }
    resolved.ws.emplace(std::move(*ws));
    resolved.runId = *id;
    return resolved;
}

int runShow(CommandContext &context)
{
    const Command &command = *findCommand("runs show");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one run");
    auto resolved = resolve(context, positional.front());
    if (resolved.exitCode != ExitOk)
        return resolved.exitCode;
    auto run = track::loadRun(resolved.ws->database(), resolved.runId);
    if (!run)
        return fail(run.error());
    if (context.json) {
        printJson(runDetailToJson(*run));
        return ExitOk;
    }
    const auto &info = run->info;
    std::ostringstream out;
    out << "run " << info.runId << (info.deleted ? "  (deleted)" : "") << "\n"
        << "  name        " << info.name << "\n"
        << "  experiment  " << info.experiment << "\n"
        << "  status      " << track::statusName(info.status) << "\n"
        << "  start       " << localTime(info.startMs) << "\n"
        << "  end         " << localTime(info.endMs) << "\n"
        << "  user        " << info.user << "\n"
        << "  origin      " << info.origin;
    if (info.gitCommit)
        out << "\n  git commit  " << *info.gitCommit
            << (info.gitDirty.value_or(false) ? " (dirty)" : "");
    if (info.parentRunId)
        out << "\n  parent      " << *info.parentRunId;
    if (info.command)
        out << "\n  command     " << *info.command;
    auto section = [&](const char *title, const auto &map, auto text) {
        if (map.empty())
            return;
        std::size_t width = 0;
        for (const auto &entry : map)
            width = std::max(width, entry.first.size());
        out << "\n" << title;
        for (const auto &[key, value] : map)
            out << "\n  " << padded(key, width + 2) << text(value);
    };
    section("params", run->params, [](const std::string &v) { return v; });
    section("metrics (latest)", run->latestMetrics, [](const track::MetricPoint &p) {
        return metricText(p.value) + "  (step " + std::to_string(p.step) + ")";
    });
    section("tags", run->tags, [](const std::string &v) { return shortened(v, 80); });
    if (!run->artifacts.empty()) {
        out << "\nartifacts";
        for (const auto &a : run->artifacts)
            out << "\n  " << a.path << (a.md5.empty() ? "" : "  " + humanSize(a.size));
    }
    printLine(out.str());
    return ExitOk;
}

int runMetric(CommandContext &context)
{
    const Command &command = *findCommand("runs metric");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 2)
        return usageError(command, "expected a run and a metric key");
    auto resolved = resolve(context, positional[0]);
    if (resolved.exitCode != ExitOk)
        return resolved.exitCode;
    auto points = track::metricHistory(resolved.ws->database(), resolved.runId, positional[1]);
    if (!points)
        return fail(points.error());
    if (context.json) {
        printJsonArray(metricHistoryToJson(*points));
        return ExitOk;
    }
    std::vector<std::vector<std::string>> rows{{"STEP", "TIME", "VALUE"}};
    for (const auto &p : *points)
        rows.push_back({std::to_string(p.step), localTime(p.timestampMs), metricText(p.value)});
    printTable(rows);
    return ExitOk;
}

int setDeleted(CommandContext &context, const char *name, bool deleted)
{
    const Command &command = *findCommand(name);
    const auto &positional = context.arguments.positional();
    if (positional.empty())
        return usageError(command, "expected one or more runs");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    std::vector<std::string> ids;
    for (const auto &reference : positional) {
        auto id = track::resolveRun(ws->database(), reference);
        if (!id)
            return fail(id.error());
        ids.push_back(*id);
    }
    // Checked before the transaction: a refusal's audit entry must not roll back with it.
    if (auto allowed = govern::authorize(ws->database(), govern::Action::DeleteRun, ids.front(),
                                         deleted ? "run.delete" : "run.restore");
        !allowed)
        return fail(allowed.error());
    const Status done = ws->database().transaction([&]() -> Status {
        for (const auto &id : ids)
            ASSAY_TRY(track::setRunDeleted(ws->database(), id, deleted));
        return {};
    });
    if (!done)
        return fail(done.error());
    for (const auto &id : ids)
        printLine((deleted ? "deleted " : "restored ") + id);
    return ExitOk;
}

int runImport(CommandContext &context)
{
    const Command &command = *findCommand("runs import-mlflow");
    const auto &positional = context.arguments.positional();
    if (positional.size() != 1)
        return usageError(command, "expected one MLflow store (mlruns/ folder or mlflow.db)");
    auto ws = openCommandWorkspace(context);
    if (!ws)
        return fail(ws.error());
    auto report = track::importMlflow(ws->database(), positional.front(), context.progress);
    if (!report)
        return fail(report.error());
    if (context.json) {
        printJson(QJsonObject{
            {QStringLiteral("source"), qs(positional.front())},
            {QStringLiteral("experiments"), static_cast<qint64>(report->experiments)},
            {QStringLiteral("created"), static_cast<qint64>(report->created)},
            {QStringLiteral("updated"), static_cast<qint64>(report->updated)},
            {QStringLiteral("metric_points"), static_cast<qint64>(report->metricPoints)}});
        return ExitOk;
    }
    auto counted = [](std::size_t n, const char *noun) {
        return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    printLine("imported " + counted(report->created + report->updated, "run") + " (" +
              std::to_string(report->created) + " new, " + std::to_string(report->updated) +
              " updated) from " + counted(report->experiments, "experiment") + ", " +
              counted(report->metricPoints, "metric point"));
    return ExitOk;
}

} // namespace

void addRunsCommands(std::vector<Command> &into)
{
    into.push_back(
        {"runs import-mlflow",
         "import runs from an MLflow file store or SQLite database",
         "PATH",
         "PATH is an mlruns/ folder or an MLflow SQLite database (mlflow.db, or "
         "sqlite:///mlflow.db).\n"
         "Keeps run ids, names, status, times, params, every metric point, tags, artifact paths,\n"
         "experiments by name, deleted runs, parents, users and git commits. Importing again\n"
         "replaces each run's rows instead of duplicating them. The MLflow store is only read.",
         "assay runs import-mlflow ~/project/mlruns",
         {},
         runImport});
    into.push_back(
        {"runs list", "list runs, filtered and sorted with MLflow's search syntax",
         "[--experiment E] [--filter EXPR] [--sort KEY [--desc]] [--deleted|--all]",
         "Filters: metrics.K, params.K, tags.K, "
         "attributes.status|run_name|run_id|user_id|start_time|"
         "end_time,\nexperiment; operators = != < <= > >= LIKE ILIKE IN NOT IN; 'and' binds "
         "tighter "
         "than 'or'; keys\nwith spaces in backticks (metrics.`f1 score`). Newest first unless "
         "--sort. "
         "Deleted runs are hidden\nunless --deleted (only them) or --all. In --json, metric values "
         "NaN/±inf are the strings\n\"NaN\", \"Infinity\", \"-Infinity\". A malformed filter exits "
         "2 "
         "naming its column.",
         "assay runs list --filter \"metrics.auc > 0.8 and params.max_depth = '6'\" --sort "
         "metrics.auc "
         "--desc",
         selectionOptions(), runList});
    into.push_back(
        {"runs show",
         "everything one run logged",
         "RUN",
         "RUN is a run id, a unique prefix of at least 6 characters, or a unique run name.",
         "assay runs show 3f2a9c",
         {},
         runShow});
    into.push_back(
        {"runs metric",
         "every point of one metric of a run",
         "RUN KEY",
         "Points by step then time; --json prints [{\"step\", \"timestamp\", \"value\"}].",
         "assay runs metric 3f2a9c loss --json",
         {},
         runMetric});
    into.push_back(
        {"runs compare",
         "params, metrics and tags of runs side by side",
         "RUN RUN... [--all]",
         "Lists the fields whose values differ between the runs; --all lists every field.",
         "assay runs compare 3f2a9c 81bd07",
         {{"all", false, "", "list equal fields too"}},
         runCompare});
    into.push_back({"runs delete",
                    "mark runs deleted (hidden from runs list)",
                    "RUN...",
                    "Only marks them: `assay runs restore` brings them back.",
                    "assay runs delete 3f2a9c",
                    {},
                    [](CommandContext &c) { return setDeleted(c, "runs delete", true); }});
    into.push_back({"runs restore",
                    "undo runs delete",
                    "RUN...",
                    "Clears the deleted mark of each run.",
                    "assay runs restore 3f2a9c",
                    {},
                    [](CommandContext &c) { return setDeleted(c, "runs restore", false); }});
    auto exportOptions = selectionOptions();
    exportOptions.push_back({"format", true, "csv", "the output format (csv)"});
    exportOptions.push_back({"output", true, "FILE", "write FILE (whole or not at all) instead of stdout"});
    into.push_back(
        {"runs export", "runs as a table: one row per run, a column per param, metric and tag",
         "--format csv [--output FILE] [--experiment E] [--filter EXPR] [--sort KEY [--desc]] "
         "[--deleted|--all]",
         "Writes CSV on stdout or to FILE: run_id, experiment, name, status, start_time, end_time (ms), user, "
         "deleted,\nthen params.K, metrics.K (latest value) and tags.K; empty cells where a run "
         "has "
         "no value.",
         "assay runs export --format csv > runs.csv", exportOptions, runExport});
}

} // namespace assay::cli
