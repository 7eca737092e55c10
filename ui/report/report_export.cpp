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

Result<ExportedReport> exportComplianceReport(workspace::Workspace &workspace, const govern::ReportRequest &request,
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
    const Progress gatherProgress([&progress](double fraction, std::string_view stage) {
        progress.report(0.9 * fraction, stage);
    }, progress.token());
    auto content = govern::gatherComplianceReport(workspace, gathering, gatherProgress);
    if (!content)
        return content.error();

    progress.report(0.9, "rendering");
    const ReportImages images = renderReportCharts(*content);
    QByteArray bytes;
    if (*format == ReportFormat::Pdf) {
        auto pdf = renderReportPdf(*content, images);
        if (!pdf)
            return pdf.error();
        bytes = std::move(*pdf);
    } else {
        bytes = reportHtml(*content, images, ReportMarkup::Browser).toUtf8();
    }
    ASSAY_TRY(writeFileAtomically(file, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));

    const QJsonObject details{
        {QStringLiteral("file"), QString::fromStdString(file.filename().string())},
        {QStringLiteral("format"), *format == ReportFormat::Pdf ? QStringLiteral("pdf") : QStringLiteral("html")},
        {QStringLiteral("content_hash"), QString::fromStdString(content->contentHash)},
    };
    ASSAY_TRY(govern::appendAudit(workspace.database(),
                                  {actor->name, "report.export", *object, false,
                                   QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString()}));
    progress.report(1.0, "written");
    return ExportedReport{file, *format, *object, content->contentHash, static_cast<std::size_t>(bytes.size()),
                          content->sections.size()};
}

} // namespace assay::ui
