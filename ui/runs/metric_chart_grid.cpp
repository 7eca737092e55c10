#include "runs/metric_chart_grid.h"

#include "runs/metric_chart.h"
#include "runs/run_palette.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

constexpr int kChartHeight = 220;

} // namespace

MetricChartGrid::MetricChartGrid(QWidget *parent)
    : QWidget(parent), m_legend(new QLabel(this)), m_content(new QWidget),
      m_layout(new QGridLayout(m_content))
{
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_legend);
    layout->addWidget(scroll, 1);
}

void MetricChartGrid::setCharts(std::vector<std::shared_ptr<const MetricChartData>> charts)
{
    // Charts are kept and refilled when the keys stay the same (live updates, options).
    while (m_charts.size() > charts.size()) {
        delete m_charts.back();
        m_charts.pop_back();
    }
    for (std::size_t i = m_charts.size(); i < charts.size(); ++i) {
        auto *chart = new MetricChart(m_content);
        chart->setCompact(true);
        chart->setFixedHeight(kChartHeight);
        chart->setToolTip(QString());
        connect(chart, &MetricChart::clicked, this, &MetricChartGrid::metricChosen);
        m_layout->addWidget(chart, int(i) / kColumns, int(i) % kColumns);
        m_charts.push_back(chart);
    }
    for (int column = 0; column < kColumns; ++column)
        m_layout->setColumnStretch(column, 1);
    m_layout->setRowStretch(int(charts.size() + kColumns - 1) / kColumns, 1);
    for (std::size_t i = 0; i < charts.size(); ++i)
        m_charts[i]->setChartData(std::move(charts[i]));
    showLegend();
}

MetricChart *MetricChartGrid::chartOf(const QString &key) const
{
    for (MetricChart *chart : m_charts)
        if (chart->chartData() && chart->chartData()->key == key)
            return chart;
    return nullptr;
}

void MetricChartGrid::showLegend()
{
    // The runs of all charts, in the order they first appear.
    QStringList entries;
    QStringList seen;
    for (const MetricChart *chart : m_charts) {
        for (const RunSeries &series : chart->chartData()->series) {
            if (seen.contains(series.runId))
                continue;
            seen << series.runId;
            entries << QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2")
                           .arg(runColor(series.runId).name(), series.runName.toHtmlEscaped());
        }
    }
    m_legend->setText(entries.join(QStringLiteral(" &nbsp; ")));
    m_legend->setToolTip(tr("Click a chart to show that metric alone."));
}

} // namespace assay::ui
