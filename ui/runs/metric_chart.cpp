#include "runs/metric_chart.h"

#include "common/format.h"
#include "common/theme.h"
#include "runs/run_palette.h"

#include <QDateTime>
#include <QMouseEvent>

#include <cmath>

namespace assay::ui {

namespace {

constexpr int kClickSlopPixels = 4;
constexpr double kReadoutReachPixels = 40;
constexpr int kLegendNameWidth = 170;
constexpr double kFaintShare = 0.3; // how much of the run colour the raw line keeps

QColor faint(const QColor &color, const QColor &background)
{
    const auto mix = [](double a, double b) { return int(std::lround(a * kFaintShare + b * (1 - kFaintShare))); };
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

QString durationText(double seconds)
{
    const auto total = static_cast<std::int64_t>(std::llround(std::abs(seconds)));
    return QStringLiteral("%1%2:%3:%4")
        .arg(seconds < 0 ? QStringLiteral("−") : QString())
        .arg(total / 3600)
        .arg(total / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(total % 60, 2, 10, QLatin1Char('0'));
}

// The index of the drawable point of `points` nearest to `pixel`, or -1.
struct NearestPoint {
    qsizetype index = -1;
    double distance = 0;
};

NearestPoint nearestPoint(const QCPGraph &graph, QPointF pixel, double key)
{
    const QCPGraphDataContainer &points = *graph.data();
    NearestPoint nearest;
    if (points.isEmpty())
        return nearest;
    // The few points around the key, both sides, skipping gaps.
    const auto centre = points.findBegin(key, false) - points.constBegin();
    for (qsizetype i = std::max<qsizetype>(0, centre - 3);
         i < std::min<qsizetype>(points.size(), centre + 3); ++i) {
        const QCPGraphData &point = *(points.constBegin() + i);
        if (std::isnan(point.value))
            continue;
        const QPointF at = graph.coordsToPixels(point.key, point.value);
        const double distance = std::hypot(at.x() - pixel.x(), at.y() - pixel.y());
        if (nearest.index < 0 || distance < nearest.distance)
            nearest = {i, distance};
    }
    return nearest;
}

} // namespace

MetricChart::MetricChart(QWidget *parent) : ChartView(parent), m_title(new QCPTextElement(this))
{
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextColor(palette().color(QPalette::WindowText));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    plotLayout()->addElement(1, 1, legend);
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
        plotLayout()->take(legend);
        plotLayout()->simplify();
        setInteractions({});
        setMinimumHeight(200);
    } else {
        plotLayout()->addElement(1, 1, legend);
        plotLayout()->setColumnStretchFactor(1, 0.001);
        setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    }
    legend->setVisible(!compact);
    replot(QCustomPlot::rpQueuedReplot);
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
        xAxis->setTicker(ticker);
        break;
    }
    }
    xAxis->setLabel(xAxisTitle(options.xAxis));
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

QString MetricChart::keyText(double key) const
{
    switch (m_data->options.xAxis) {
    case MetricXAxis::Step:
        return tr("step %1").arg(key >= 0 ? formatCount(std::uint64_t(key)) : formatNumber(key));
    case MetricXAxis::WallTime:
        return QDateTime::fromMSecsSinceEpoch(std::llround(key * 1000))
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case MetricXAxis::RelativeTime:
        return tr("%1 since the first point").arg(durationText(key));
    }
    return {};
}

QString MetricChart::readoutAt(double key, double value) const
{
    if (!m_data)
        return {};
    const QPointF pixel(xAxis->coordToPixel(key), yAxis->coordToPixel(value));
    std::size_t bestSeries = 0;
    NearestPoint best;
    for (std::size_t i = 0; i < m_mainLines.size(); ++i) {
        const NearestPoint candidate = nearestPoint(*m_mainLines[i], pixel, key);
        if (candidate.index >= 0 && (best.index < 0 || candidate.distance < best.distance)) {
            best = candidate;
            bestSeries = i;
        }
    }
    if (best.index < 0 || best.distance > kReadoutReachPixels)
        return {};
    const RunSeries &series = m_data->series[bestSeries];
    const QCPGraphData &point = *(m_mainLines[bestSeries]->data()->constBegin() + best.index);
    QString text = QStringLiteral("<b>%1</b><br>%2<br>%3 %4")
                       .arg(series.runName.toHtmlEscaped(), keyText(point.key), m_data->key.toHtmlEscaped(),
                            formatNumber(point.value));
    if (series.smoothed) {
        const double raw = (series.raw->constBegin() + best.index)->value;
        text += tr(" (smoothed; raw %1)").arg(formatNumber(raw));
    }
    return text;
}

CsvTable MetricChart::csvTable() const
{
    CsvTable table;
    if (!m_data)
        return table;
    static const char *const xNames[] = {"step", "wall_time_s", "relative_time_s"};
    table.header = {QStringLiteral("run"), QStringLiteral("run_id"),
                    QString::fromLatin1(xNames[int(m_data->options.xAxis)]), m_data->key};
    const bool smoothing = m_data->options.smoothing > 0;
    if (smoothing)
        table.header << m_data->key + QStringLiteral(" (smoothed)");
    // Rows run through the series one after another: the row's series by its start row.
    auto starts = std::make_shared<std::vector<qsizetype>>();
    for (const RunSeries &series : m_data->series) {
        starts->push_back(table.rowCount);
        table.rowCount += series.raw->size();
    }
    table.cell = [shown = m_data, starts](qsizetype row, qsizetype column) -> QString {
        const auto next = std::upper_bound(starts->begin(), starts->end(), row);
        const std::size_t seriesIndex = std::size_t(next - starts->begin()) - 1;
        const RunSeries &series = shown->series[seriesIndex];
        const qsizetype index = row - (*starts)[seriesIndex];
        const QCPGraphData &point = *(series.raw->constBegin() + index);
        const auto number = [](double value) {
            return std::isnan(value) ? QString() : formatNumberFull(value);
        };
        switch (column) {
        case 0:
            return series.runName;
        case 1:
            return series.runId;
        case 2:
            return formatNumberFull(point.key);
        case 3:
            return number(point.value);
        default:
            return number((series.smoothed->constBegin() + index)->value);
        }
    };
    return table;
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
