#include "command_registry.h"
#include "output.h"
#include "report_runner.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>

#include <cctype>

namespace assay::cli {

namespace {

const char *const kReportDetails =
    "Exports the compliance report of a registered model version (or of a run) in one step, as an "
    "A4 PDF or a self-contained HTML file (by the extension of --out). Sections: the title block; "
    "the model card; data lineage (datasets with md5 and git revision, schema and validation); "
    "training (parameters, code commit, command, environment, times, status); evaluation "
    "(metrics, cross-validation mean ± std, confusion matrix, ROC curve); fairness per sensitive "
    "column of the card; explanations (mean |SHAP| and the beeswarm, from a cached explanation "
    "or TreeSHAP on up to 1000 training rows); drift against the reference; model tests; the "
    "registry's versions, stages, aliases and approvals; an audit excerpt with the chain's "
    "verification; and a content hash (SHA-256) on every page. A section with nothing to show "
    "says why. Exporting needs the ExportReport right and is recorded in the audit log "
    "(report.export, with the file name and the content hash). Exit code 1 when the export is "
    "refused, 2 for bad usage or an unknown model or run. With --json, prints {\"file\", "
    "\"format\", \"object\", \"content_hash\", \"bytes\", \"sections\"}.";

ReportRunner &installedRunner()
{
    static ReportRunner runner;
    return runner;
}

// Runs assay-report beside this executable with this process's arguments (see report_runner.h).
int runReportHelper()
{
    const QString helper = QCoreApplication::applicationDirPath() + QStringLiteral("/assay-report");
    if (!QFileInfo(helper).isExecutable())
        return fail(Error::notFound("assay report needs the assay-report program, which is installed with "
                                    "the workbench; it is not at " + helper.toStdString()));
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.start(helper, QCoreApplication::arguments().mid(1));
    if (!process.waitForStarted(-1))
        return fail(Error::io("cannot start " + helper.toStdString() + ": " + process.errorString().toStdString()));
    process.waitForFinished(-1);
    if (process.exitStatus() != QProcess::NormalExit)
        return fail(Error::internal("assay-report stopped unexpectedly (" + process.errorString().toStdString() + ")"));
    return process.exitCode();
}

int runReport(CommandContext &context)
{
    const Command &command = *findCommand("report");
    if (!context.arguments.positional().empty())
        return usageError(command, "unexpected argument '" + context.arguments.positional().front() + "'");
    ReportOptions options;
    options.model = context.arguments.value("model").value_or("");
    options.run = context.arguments.value("run").value_or("");
    if (options.model.empty() == options.run.empty())
        return usageError(command, "name either --model NAME[:VERSION] or --run RUN");
    const auto out = context.arguments.value("out");
    if (!out || out->empty())
        return usageError(command, "--out FILE.pdf|FILE.html is required");
    options.out = *out;
    std::string extension = options.out.extension().string();
    for (char &c : extension)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension != ".pdf" && extension != ".html" && extension != ".htm")
        return usageError(command, "--out " + *out + ": the report is written as .pdf or .html");
    if (ReportRunner &runner = installedRunner())
        return runner(context, options);
    return runReportHelper();
}

} // namespace

void installReportRunner(ReportRunner runner)
{
    installedRunner() = std::move(runner);
}

void addReportCommand(std::vector<Command> &into)
{
    into.push_back({"report", "export the compliance report of a model version or a run (PDF or HTML)",
                    "(--model NAME[:VERSION] | --run RUN) --out FILE.pdf|FILE.html", kReportDetails,
                    "assay report --model credit-risk:1 --out credit-risk-v1.pdf",
                    {{"model", true, "NAME[:VERSION]", "a registered model version (NAME alone: its latest)"},
                     {"run", true, "RUN", "a run id, unique prefix or name, when the model is not registered"},
                     {"out", true, "FILE", "where to write it: .pdf (A4) or .html (self-contained)"}},
                    runReport});
}

} // namespace assay::cli
