#pragma once

#include "govern/compliance_report.h"

#include <QImage>

namespace assay::ui {

// The report's charts as images, drawn by the same chart widgets the workbench's views use
// (XyChart for the ROC curve as in Models, ShapBarChart and BeeswarmChart as in Explain),
// rendered offscreen at print resolution. A chart the content has no numbers for is null.
struct ReportImages {
    QImage roc;
    QImage shapBars;
    QImage beeswarm;
};

// Logical sizes in CSS pixels (96 per inch) at which the documents place the charts; the
// images hold `kReportImageScale` times as many pixels.
inline constexpr int kReportChartWidth = 640;
inline constexpr int kRocChartHeight = 400;
inline constexpr double kReportImageScale = 3.0;
int shapChartHeight(std::size_t features);

ReportImages renderReportCharts(const govern::ComplianceReportContent &content);

} // namespace assay::ui
