#include "command_registry.h"
#include "command_workspace.h"
#include "common/atomic_file.h"
#include "monitor_metrics.h"
#include "output.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace assay::cli {

namespace {

const char *const kExportDetails =
    "Evaluates the monitors (every monitor of the workspace, or those named) and writes their "
    "latest windows in Prometheus's text exposition format 0.0.4, the same as `assay serve "
    "--metrics` serves: per model the rows and labels logged, drift per feature (capped at the 50 "
    "most drifted), dataset drift share, reconstruction error, estimated and realized "
    "performance and active alerts. With --textfile the file is replaced atomically (a temporary "
    "file renamed over it), as node_exporter's textfile collector needs: point its "
    "--collector.textfile.directory at the folder and run this from a timer; name the file *.prom. "
    "Without --textfile the exposition goes to stdout. A monitor whose evaluation fails is written "
    "as assay_monitor_up 0, named on stderr, and the exit code is 2 (1 when it was refused); an "
    "unknown monitor is exit 2 with nothing written. With --json (needs --textfile), prints "
    "{\"file\", \"bytes\", \"monitors\", \"failed\": [{\"monitor\", \"error\"}]}.";

int runMonitorExport(CommandContext &context)
{
    const Command &command = *findCommand("monitor export");
    const auto textfile = context.arguments.value("textfile");
    if (textfile && textfile->empty())
        return usageError(command, "--textfile needs a file path");
    if (context.json && !textfile)
        return usageError(command, "--json needs --textfile (without it the exposition itself goes to stdout)");
    auto workspace = openCommandWorkspace(context);
    if (!workspace)
        return fail(workspace.error());
    auto metrics = collectMonitorMetrics(*workspace, context.arguments.positional());
    if (!metrics)
        return fail(metrics.error());

    if (textfile) {
        if (auto written = writeFileAtomically(*textfile, metrics->exposition); !written)
            return fail(written.error());
    } else {
        std::fwrite(metrics->exposition.data(), 1, metrics->exposition.size(), stdout);
        std::fflush(stdout);
    }

    int exitCode = ExitOk;
    QJsonArray failed;
    for (const auto &[monitor, error] : metrics->failures) {
        const int code = fail(Error{.kind = error.kind, .message = "monitor " + monitor + ": " + error.message});
        if (exitCode == ExitOk || code == ExitUsage)
            exitCode = code;
        failed.append(QJsonObject{{QStringLiteral("monitor"), qs(monitor)},
                                  {QStringLiteral("error"), qs(error.message)}});
    }
    if (textfile && context.json) {
        printJson({{QStringLiteral("file"), qs(*textfile)},
                   {QStringLiteral("bytes"), static_cast<qint64>(metrics->exposition.size())},
                   {QStringLiteral("monitors"), static_cast<qint64>(metrics->evaluated)},
                   {QStringLiteral("failed"), failed}});
    } else if (textfile) {
        std::fprintf(stderr, "wrote %s (%zu monitors, %zu bytes)\n", textfile->c_str(), metrics->evaluated,
                     metrics->exposition.size());
    }
    return exitCode;
}

} // namespace

void addMonitorExportCommand(std::vector<Command> &into)
{
    into.push_back({"monitor export", "write the monitors' metrics in Prometheus's text format",
                    "[--textfile PATH] [MONITOR...]", kExportDetails,
                    "assay monitor export --textfile /var/lib/prometheus/node-exporter/assay.prom",
                    {{"textfile", true, "PATH",
                      "write this file atomically (for node_exporter's textfile collector) instead of stdout"}},
                    runMonitorExport});
}

} // namespace assay::cli
