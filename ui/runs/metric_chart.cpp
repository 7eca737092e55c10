#include "runs/metric_chart.h"

#include "common/theme.h"
#include "runs/metric_chart_readout.h"
#include "runs/run_palette.h"

#include <QMouseEvent>

#include <cmath>

namespace assay::ui {

namespace {

constexpr int kClickSlopPixels = 4;
constexpr int kLegendNameWidth = 170;
constexpr qsizetype kDottedSeriesPoints = 2;
constexpr double kFaintShare = 0.3; // how much of the run colour the raw line keeps

QColor faint(const QColor &color, const QColor &background)
{
    const auto mix = [](double a, double b) {
        return int(std::lround(a * kFaintShare + b * (1 - kFaintShare)));
    };
    return QColor(mix(color.red(), background.red()), mix(color.green(), background.green()),
                  mix(color.blue(), background.blue()));
}

QString xAxisTitle(MetricXAxis axis)
{
    switch (axis) {
    case MetricXAxis::Step:
        return MetricChart::tr("step");
    case MetricXAxis::WallTime:
        return MetricChart::tr("wall time (local)");
    case MetricXAxis::RelativeTime:
        return MetricChart::tr("time since the run's first point (h:mm:ss)");
    }
    return {};
}

} // namespace

MetricChart::MetricChart(QWidget *parent)
    : ChartView(parent), m_title(new QCPTextElement(this)), m_legendColumn(new QCPLayoutGrid)
{
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextColor(palette().color(QPalette::WindowText));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    // The legend keeps its own height at the top; an empty element below takes the rest.
    m_legendColumn->addElement(0, 0, legend);
    m_legendColumn->addElement(1, 0, new QCPLayoutElement(this));
    m_legendColumn->setRowStretchFactor(0, 0.001);
    m_legendColumn->setMargins(QMargins(0, 0, 0, 0));
    plotLayout()->addElement(1, 1, m_legendColumn);
    plotLayout()->setColumnStretchFactor(1, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    legend->setMargins(QMargins(6, 2, 4, 2));
    legend->setVisible(true);
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
}

void MetricChart::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    if (compact) {
        plotLayout()->take(m_legendColumn);
        plotLayout()->simplify();
        setInteractions({});
        setMinimumHeight(200);
    } else {
        plotLayout()->addElement(1, 1, m_legendColumn);
        plotLayout()->setColumnStretchFactor(1, 0.001);
        setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    }
    legend->setVisible(!compact);
    fitTickCounts();
    replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::fitTickCounts()
{
    // A small chart of the grid has room for three or four tick labels, not five.
    xAxis->ticker()->setTickCount(m_compact ? 3 : 5);
    yAxis->ticker()->setTickCount(m_compact ? 4 : 5);
}

void MetricChart::configureAxes(const MetricChartOptions &options)
{
    switch (options.xAxis) {
    case MetricXAxis::Step:
        xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        break;
    case MetricXAxis::WallTime: {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setDateTimeFormat(QStringLiteral("MMM d\nHH:mm"));
        ticker->setDateTimeSpec(Qt::LocalTime);
        xAxis->setTicker(ticker);
        break;
    }
    case MetricXAxis::RelativeTime: {
        auto ticker = QSharedPointer<QCPAxisTickerTime>::create();
        ticker->setTimeFormat(QStringLiteral("%h:%m:%s"));
        ticker->setFieldWidth(QCPAxisTickerTime::tuHours, 1);
        xAxis->setTicker(ticker);
        break;
    }
    }
    xAxis->setLabel(xAxisTitle(options.xAxis));
    fitTickCounts();
    // Decades alone are too few lines to read a value by on a log scale: a fainter grid
    // marks 2×, 3×, … 9× between them.
    yAxis->grid()->setSubGridVisible(options.logScale);
    QColor subGrid = yAxis->grid()->pen().color();
    subGrid.setAlpha(subGrid.alpha() / 2);
    yAxis->grid()->setSubGridPen(QPen(subGrid, 1));
    if (options.logScale) {
        yAxis->setScaleType(QCPAxis::stLogarithmic);
        yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        yAxis->setNumberFormat(QStringLiteral("gb"));
        yAxis->setLabel(tr("value (log scale)"));
    } else {
        yAxis->setScaleType(QCPAxis::stLinear);
        yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        yAxis->setNumberFormat(QStringLiteral("gb"));
        yAxis->setLabel(tr("value"));
    }
}

void MetricChart::addRunLines(const RunSeries &series, bool smoothing)
{
    const QColor color = runColor(series.runId);
    QCPGraph *raw = addGraph();
    raw->setData(series.raw);
    raw->setAdaptiveSampling(true);
    QCPGraph *main = raw;
    if (smoothing && series.smoothed) {
        raw->setPen(QPen(faint(color, palette().color(QPalette::Base)), 1));
        raw->removeFromLegend();
        main = addGraph();
        main->setData(series.smoothed);
        main->setAdaptiveSampling(true);
    }
    main->setPen(QPen(color, 1));
    // A line needs two points: a run that logged a metric once or twice gets dots too
    // (never a long series, where markers would defeat adaptive sampling).
    if (series.pointCount <= kDottedSeriesPoints)
        main->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 4));
    main->setName(fontMetrics().elidedText(series.runName, Qt::ElideMiddle, kLegendNameWidth));
    m_mainLines.push_back(main);
}

void MetricChart::setChartData(std::shared_ptr<const MetricChartData> chartData)
{
    m_data = std::move(chartData);
    clearGraphs();
    m_mainLines.clear();
    if (!m_data) {
        m_title->setText(QString());
        replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    m_title->setText(m_data->key);
    configureAxes(m_data->options);
    const bool smoothing = m_data->options.smoothing > 0;
    for (const RunSeries &series : m_data->series)
        addRunLines(series, smoothing);
    if (m_data->hasPoints) {
        xAxis->setRange(m_data->keyRange);
        yAxis->setRange(m_data->valueRange);
    }
    rememberHomeRanges();
    fitLegend();
    replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::fitLegend()
{
    if (m_compact)
        return;
    const int rowHeight = QFontMetrics(legend->font()).height() + legend->rowSpacing() + 2;
    const int available = height() - m_title->outerRect().height() - 40;
    legend->setWrap(std::max(1, available / std::max(1, rowHeight)));
}

QCPGraph *MetricChart::mainLineOf(const QString &runId) const
{
    if (!m_data)
        return nullptr;
    for (std::size_t i = 0; i < m_data->series.size(); ++i)
        if (m_data->series[i].runId == runId)
            return m_mainLines[i];
    return nullptr;
}

QString MetricChart::readoutAt(double key, double value) const
{
    if (!m_data)
        return {};
    const QPointF pixel(xAxis->coordToPixel(key), yAxis->coordToPixel(value));
    return nearestPointReadout(*m_data, m_mainLines, pixel, key);
}

CsvTable MetricChart::csvTable() const
{
    return metricChartCsv(m_data);
}

void MetricChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_title->setTextColor(palette().color(QPalette::WindowText));
    ChartView::changeEvent(event);
}

void MetricChart::mousePressEvent(QMouseEvent *event)
{
    m_pressPosition = event->pos();
    ChartView::mousePressEvent(event);
}

void MetricChart::mouseReleaseEvent(QMouseEvent *event)
{
    ChartView::mouseReleaseEvent(event);
    const bool isClick = (event->pos() - m_pressPosition).manhattanLength() <= kClickSlopPixels;
    if (m_compact && isClick && event->button() == Qt::LeftButton && m_data)
        emit clicked(m_data->key);
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    ChartView::resizeEvent(event);
    fitLegend();
}

void MetricChart::wheelEvent(QWheelEvent *event)
{
    if (m_compact) {
        event->ignore(); // let the grid scroll
        return;
    }
    ChartView::wheelEvent(event);
}

} // namespace assay::ui
