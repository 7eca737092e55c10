#include "govern/compliance_export.h"

#include "govern/compliance_report.h"
#include "report/report_export.h"
#include "shell/job_runner.h"
#include "workspace/workspace.h"

#include <memory>

namespace assay::ui {

namespace {

Result<GatheredReport> gather(const std::filesystem::path &root, const std::string &model,
                              const std::filesystem::path &file, const Progress &progress)
{
    auto opened = workspace::Workspace::open(root);
    if (!opened)
        return opened.error();
    govern::ReportRequest request;
    request.model = model;
    return gatherReportExport(*opened, request, file, progress);
}

Status write(const std::filesystem::path &root, const GatheredReport &gathered, const ReportImages &images,
             const std::filesystem::path &file)
{
    auto opened = workspace::Workspace::open(root);
    if (!opened)
        return opened.error();
    auto written = writeReportExport(*opened, gathered, images, file);
    if (!written)
        return written.error();
    return {};
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
        [this, root, model, file](Result<GatheredReport> gathered) {
            if (!gathered.ok()) {
                fail(gathered.error());
                return;
            }
            // The charts are widgets: drawn here, on the GUI thread.
            auto shared = std::make_shared<GatheredReport>(std::move(*gathered));
            auto images = std::make_shared<ReportImages>(renderReportCharts(shared->content));
            m_jobs.run(
                tr("Writing the compliance report of %1").arg(model), this,
                [root, shared, images, file](const Progress &) {
                    return write(root, *shared, *images, file);
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
