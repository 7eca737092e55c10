#include "report_command_runner.h"

#include "command_workspace.h"
#include "output.h"
#include "report/report_export.h"

#include <QJsonObject>

namespace assay::app {

int runReportExport(cli::CommandContext &context, const cli::ReportOptions &options)
{
    auto workspace = cli::openCommandWorkspace(context);
    if (!workspace)
        return cli::fail(workspace.error());
    govern::ReportRequest request;
    request.model = options.model;
    request.run = options.run;
    auto exported = ui::exportComplianceReport(*workspace, request, options.out, context.progress);
    if (!exported)
        return cli::fail(exported.error());
    const QString format = exported->format == ui::ReportFormat::Pdf ? QStringLiteral("pdf") : QStringLiteral("html");
    if (context.json) {
        cli::printJson(QJsonObject{{QStringLiteral("file"), cli::qs(exported->file.string())},
                                   {QStringLiteral("format"), format},
                                   {QStringLiteral("object"), cli::qs(exported->object)},
                                   {QStringLiteral("content_hash"), cli::qs(exported->contentHash)},
                                   {QStringLiteral("bytes"), static_cast<double>(exported->bytes)},
                                   {QStringLiteral("sections"), static_cast<int>(exported->sections)}});
    } else {
        cli::printLine("wrote the compliance report of " + exported->object + " to " + exported->file.string() +
                       " (" + format.toStdString() + ", " + std::to_string(exported->bytes) + " bytes)");
        cli::printLine("content hash (SHA-256): " + exported->contentHash);
    }
    return cli::ExitOk;
}

} // namespace assay::app
