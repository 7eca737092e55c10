#include "report/report_export.h"

#include "common/atomic_file.h"
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "report/report_charts.h"
#include "report/report_html.h"
#include "report/report_pdf.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>

namespace assay::ui {

Result<ReportFormat> reportFormatOf(const std::filesystem::path &file)
{
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".pdf")
        return ReportFormat::Pdf;
    if (extension == ".html" || extension == ".htm")
        return ReportFormat::Html;
    return Error::invalidInput(file.string() + ": the report is written as .pdf or .html; "
                                               "name the file with one of these extensions");
}

Result<GatheredReport> gatherReportExport(workspace::Workspace &workspace, const govern::ReportRequest &request,
                                          const std::filesystem::path &file, const Progress &progress)
{
    auto format = reportFormatOf(file);
    if (!format)
        return format.error();
    auto object = govern::reportObject(workspace, request);
    if (!object)
        return object.error();
    auto actor = govern::authorize(workspace.database(), govern::Action::ExportReport, *object);
    if (!actor)
        return actor.error();

    govern::ReportRequest gathering = request;
    gathering.generatedBy = actor->name;
    auto content = govern::gatherComplianceReport(workspace, gathering, progress);
    if (!content)
        return content.error();
    return GatheredReport{.content = std::move(*content), .actor = actor->name, .object = *object, .format = *format};
}

Result<ExportedReport> writeReportExport(workspace::Workspace &workspace, const GatheredReport &gathered,
                                         const ReportImages &images, const std::filesystem::path &file)
{
    QByteArray bytes;
    if (gathered.format == ReportFormat::Pdf) {
        auto pdf = renderReportPdf(gathered.content, images);
        if (!pdf)
            return pdf.error();
        bytes = std::move(*pdf);
    } else {
        bytes = reportHtml(gathered.content, images, ReportMarkup::Browser).toUtf8();
    }
    ASSAY_TRY(writeFileAtomically(file, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));

    const bool pdf = gathered.format == ReportFormat::Pdf;
    const QJsonObject details{
        {QStringLiteral("file"), QString::fromStdString(file.filename().string())},
        {QStringLiteral("format"), pdf ? QStringLiteral("pdf") : QStringLiteral("html")},
        {QStringLiteral("content_hash"), QString::fromStdString(gathered.content.contentHash)},
    };
    ASSAY_TRY(govern::appendAudit(workspace.database(),
                                  {.actor = gathered.actor,
                                   .action = "report.export",
                                   .object = gathered.object,
                                   .refused = false,
                                   .detailsJson = QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString()}));
    return ExportedReport{.file = file,
                          .format = gathered.format,
                          .object = gathered.object,
                          .contentHash = gathered.content.contentHash,
                          .bytes = static_cast<std::size_t>(bytes.size()),
                          .sections = gathered.content.sections.size()};
}

Result<ExportedReport> exportComplianceReport(workspace::Workspace &workspace, const govern::ReportRequest &request,
                                              const std::filesystem::path &file, const Progress &progress)
{
    const Progress gatherProgress([&progress](double fraction, std::string_view stage) {
        progress.report(0.9 * fraction, stage);
    }, progress.token());
    auto gathered = gatherReportExport(workspace, request, file, gatherProgress);
    if (!gathered)
        return gathered.error();
    progress.report(0.9, "rendering");
    auto written = writeReportExport(workspace, *gathered, renderReportCharts(gathered->content), file);
    if (written)
        progress.report(1.0, "written");
    return written;
}

} // namespace assay::ui
