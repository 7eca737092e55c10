#pragma once

#include "common/result.h"
#include "govern/compliance_report.h"
#include "report/report_charts.h"

#include <QByteArray>

namespace assay::ui {

// The report as an A4 PDF: 20 mm side margins, headings kept with the text under them, tables
// with borders (header rows repeated on a new page), and on every page a running footer with
// the title, "page N of M" and the content hash.
Result<QByteArray> renderReportPdf(const govern::ComplianceReportContent &content, const ReportImages &images);

} // namespace assay::ui
