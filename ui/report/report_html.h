#pragma once

#include "govern/compliance_report.h"
#include "report/report_charts.h"

#include <QString>

namespace assay::ui {

// Who reads the markup: a browser (a self-contained file: the style sheet inline, the charts
// as data: URIs) or QTextDocument laying out the PDF (the charts as the document's resources,
// named by reportImageName).
enum class ReportMarkup { Browser, Print };

// The chart images' resource names in Print markup.
QString reportImageName(govern::ReportChart chart);

// The whole report as HTML: the title block, the sections in order and, last, the content hash
// with its explanation. Status words are written out ("passed", "failed") and also coloured.
QString reportHtml(const govern::ComplianceReportContent &content, const ReportImages &images,
                   ReportMarkup markup);

} // namespace assay::ui
