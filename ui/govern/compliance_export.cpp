#include "govern/compliance_export.h"

#include "common/atomic_file.h"
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "govern/compliance_report.h"
#include "report/report_charts.h"
#include "report/report_export.h"
#include "report/report_html.h"
#include "report/report_pdf.h"
#include "shell/job_runner.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace assay::ui {

namespace {

struct Gathered {
    govern::ComplianceReportContent content;
    std::string actor;
    std::string object;
    ReportFormat format = ReportFormat::Pdf;
};

Result<Gathered> gather(const std::filesystem::path &root, const std::string &model,
                        const std::filesystem::path &file, const Progress &progress)
{
    auto format = reportFormatOf(file);
    if (!format)
        return format.error();
    auto opened = workspace::Workspace::open(root);
    if (!opened)
        return opened.error();
    govern::ReportRequest request;
    request.model = model;
    auto object = govern::reportObject(*opened, request);
    if (!object)
        return object.error();
    auto actor = govern::authorize(opened->database(), govern::Action::ExportReport, *object);
    if (!actor)
        return actor.error();
    request.generatedBy = actor->name;
    auto content = govern::gatherComplianceReport(*opened, request, progress);
    if (!content)
        return content.error();
    return Gathered{.content = std::move(*content),
                    .actor = actor->name,
                    .object = *object,
                    .format = *format};
}

Status writeAndAudit(const std::filesystem::path &root, const Gathered &gathered,
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
    ASSAY_TRY(writeFileAtomically(
        file, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))));
    auto opened = workspace::Workspace::open(root);
    if (!opened)
        return opened.error();
    const QJsonObject details{
        {QStringLiteral("file"), QString::fromStdString(file.filename().string())},
        {QStringLiteral("format"), gathered.format == ReportFormat::Pdf ? QStringLiteral("pdf")
                                                                        : QStringLiteral("html")},
        {QStringLiteral("content_hash"), QString::fromStdString(gathered.content.contentHash)},
    };
    return govern::appendAudit(opened->database(),
                               {.actor = gathered.actor,
                                .action = "report.export",
                                .object = gathered.object,
                                .refused = false,
                                .detailsJson = QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString()});
}

} // namespace

ComplianceExport::ComplianceExport(JobRunner &jobs, QObject *parent) : QObject(parent), m_jobs(jobs) {}

QString ComplianceExport::commandLine(const QString &model, const QString &file)
{
    return QStringLiteral("assay report --model %1 --out %2").arg(model, file);
}

void ComplianceExport::fail(const Error &error)
{
    m_running = false;
    if (error.kind != ErrorKind::Cancelled)
        emit failed(QString::fromStdString(error.message));
}

bool ComplianceExport::start(const std::filesystem::path &root, const QString &model,
                             const std::filesystem::path &file)
{
    if (m_running)
        return false;
    m_running = true;
    m_jobs.run(
        tr("Gathering the compliance report of %1").arg(model), this,
        [root, model = model.toStdString(), file](const Progress &progress) {
            return gather(root, model, file, progress);
        },
        [this, root, model, file](Result<Gathered> gathered) {
            if (!gathered.ok()) {
                fail(gathered.error());
                return;
            }
            // The charts are widgets: drawn here, on the GUI thread.
            auto shared = std::make_shared<Gathered>(std::move(*gathered));
            auto images = std::make_shared<ReportImages>(renderReportCharts(shared->content));
            m_jobs.run(
                tr("Writing the compliance report of %1").arg(model), this,
                [root, shared, images, file](const Progress &) {
                    return writeAndAudit(root, *shared, *images, file);
                },
                [this, shared, file](Status written) {
                    if (!written.ok()) {
                        fail(written.error());
                        return;
                    }
                    m_running = false;
                    emit finished(QString::fromStdString(file.string()),
                                  tr("%n section(s), content hash %1", nullptr,
                                     int(shared->content.sections.size()))
                                      .arg(QString::fromStdString(shared->content.contentHash).left(12)));
                });
        });
    return true;
}

} // namespace assay::ui
