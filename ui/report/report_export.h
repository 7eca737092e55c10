#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "govern/compliance_report.h"
#include "report/report_charts.h"

#include <filesystem>
#include <string>

namespace assay::workspace {
class Workspace;
}

namespace assay::ui {

enum class ReportFormat { Pdf, Html };

// By the file's extension: .pdf or .html/.htm; InvalidInput naming the file otherwise.
Result<ReportFormat> reportFormatOf(const std::filesystem::path &file);

struct ExportedReport {
    std::filesystem::path file;
    ReportFormat format = ReportFormat::Pdf;
    std::string object;      // what the export was audited under: "NAME:VERSION" or the run id
    std::string contentHash;
    std::size_t bytes = 0;
    std::size_t sections = 0;
};

// The one-click compliance report: authorises ExportReport for the subject, gathers the
// content (core), renders it (PDF or self-contained HTML, by `file`'s extension), writes it
// by temporary file and rename, and appends a "report.export" audit entry naming the file and
// the content hash. Needs a QApplication (the charts are widgets drawn offscreen).
Result<ExportedReport> exportComplianceReport(workspace::Workspace &workspace,
                                              const govern::ReportRequest &request,
                                              const std::filesystem::path &file,
                                              const Progress &progress = {});

// The same in steps, for the workbench: gathering and writing may run on a worker thread,
// drawing the charts (renderReportCharts) only on the GUI thread.
struct GatheredReport {
    govern::ComplianceReportContent content;
    std::string actor;
    std::string object;
    ReportFormat format = ReportFormat::Pdf;
};
Result<GatheredReport> gatherReportExport(workspace::Workspace &workspace, const govern::ReportRequest &request,
                                          const std::filesystem::path &file, const Progress &progress = {});
Result<ExportedReport> writeReportExport(workspace::Workspace &workspace, const GatheredReport &gathered,
                                         const ReportImages &images, const std::filesystem::path &file);

} // namespace assay::ui
