#include "report/report_charts.h"

#include "explain/beeswarm_chart.h"
#include "explain/shap_bar_chart.h"
#include "models/evaluation_charts.h"
#include "models/xy_chart.h"

#include <algorithm>

namespace assay::ui {

namespace {

// Draws a chart widget that was never shown: sized, laid out and painted at `scale`.
QImage renderOffscreen(QCustomPlot &chart, int width, int height)
{
    chart.resize(width, height);
    chart.replot(QCustomPlot::rpImmediateRefresh);
    return chart.toPixmap(width, height, kReportImageScale).toImage();
}

QImage rocImage(const govern::ComplianceReportContent &content)
{
    if (content.rocParts.empty())
        return {};
    // rocChart reads the parts as the Models area holds them.
    std::vector<EvaluatedPart> parts;
    for (const auto &part : content.rocParts)
        parts.push_back({QString::fromStdString(part.name), part.evaluation, {}, {}});
    std::vector<const EvaluatedPart *> pointers;
    for (const auto &part : parts)
        pointers.push_back(&part);
    XyChart chart;
    chart.setChartData(rocChart(pointers));
    return renderOffscreen(chart, kReportChartWidth, kRocChartHeight);
}

QImage barsImage(const govern::ComplianceReportContent &content)
{
    if (content.shapFeatures.empty())
        return {};
    QStringList names;
    for (const auto &name : content.shapFeatures)
        names << QString::fromStdString(name);
    ShapBarChart chart;
    chart.setImportance(names, content.shapImportance, QString::fromStdString(content.shapUnit));
    return renderOffscreen(chart, kReportChartWidth, shapChartHeight(names.size()));
}

QImage beeswarmImage(const govern::ComplianceReportContent &content)
{
    if (!content.shapRows || content.shapShown.empty())
        return {};
    BeeswarmChart chart;
    chart.setSwarm(*content.shapRows, content.shapOutput, content.shapShown,
                   QString::fromStdString(content.shapUnit));
    return renderOffscreen(chart, kReportChartWidth, shapChartHeight(content.shapShown.size()));
}

} // namespace

int shapChartHeight(std::size_t features)
{
    return std::clamp(90 + 22 * static_cast<int>(features), 220, 560);
}

ReportImages renderReportCharts(const govern::ComplianceReportContent &content)
{
    return {rocImage(content), barsImage(content), beeswarmImage(content)};
}

} // namespace assay::ui
