#include "monitor/window_chart.h"

#include "common/format.h"
#include "common/theme.h"
#include "monitor/window_spec.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace assay::ui {

QString windowLabel(const monitor::MonitorReport &report, std::size_t index)
{
    if (index >= report.windows.size())
        return {};
    const auto spec = monitor::parseWindowSpec(report.window);
    if (!spec || !spec->byPeriod())
        return QStringLiteral("#%1").arg(index + 1);
    const QDateTime start =
        QDateTime::fromMSecsSinceEpoch(report.windows[index].startNs / 1'000'000, Qt::UTC);
    return start.toString(spec->kind == monitor::WindowSpec::Kind::Hour ? QStringLiteral("MM-dd HH:00")
                                                                         : QStringLiteral("yyyy-MM-dd"));
}

QString windowTickLabel(const monitor::MonitorReport &report, std::size_t index)
{
    if (index >= report.windows.size())
        return {};
    const auto spec = monitor::parseWindowSpec(report.window);
    if (!spec || !spec->byPeriod())
        return QStringLiteral("#%1").arg(index + 1);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(report.windows[index].startNs / 1'000'000, Qt::UTC);
    return QLocale::c().toString(start, spec->kind == monitor::WindowSpec::Kind::Hour ? QStringLiteral("MMM d\nHH:00")
                                                                                       : QStringLiteral("MMM\nd"));
}

void WindowChart::placeLegendBelow()
{
    legend->setVisible(true);
    if (axisRect()->insetLayout()->elements(false).contains(legend))
        axisRect()->insetLayout()->take(legend);
    plotLayout()->addElement(1, 0, legend);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setMargins(QMargins(4, 0, 4, 2));
    legend->setIconSize(18, 10);
    plotLayout()->setRowStretchFactor(1, 0.001);
}

WindowChart::WindowChart(QWidget *parent) : ChartView(parent)
{
    // Three of them stack in the overview: small windows must still fit.
    setMinimumHeight(110);
    connect(this, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) { m_pressPos = event->pos(); });
    connect(this, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) {
        if ((event->pos() - m_pressPos).manhattanLength() > 4 || event->button() != Qt::LeftButton)
            return;
        const int window = windowAt(xAxis->pixelToCoord(event->pos().x()));
        if (window >= 0)
            emit windowClicked(window);
    });
}

void WindowChart::setReport(std::shared_ptr<const monitor::MonitorReport> report)
{
    m_report = std::move(report);
    redraw();
}

void WindowChart::redraw()
{
    clearPlottables();
    clearItems();
    if (m_report)
        showReport();
    rememberHomeRanges();
    replot(QCustomPlot::rpQueuedReplot);
}

int WindowChart::windowAt(double key) const
{
    if (!m_report)
        return -1;
    const long index = std::lround(key);
    return index >= 0 && index < long(m_report->windows.size()) ? int(index) : -1;
}

void WindowChart::setUpWindowAxis(QCPAxis *axis)
{
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const std::size_t count = m_report->windows.size();
    // Every label when they fit, else every few.
    const std::size_t step = std::max<std::size_t>(1, count / 10 + 1);
    for (std::size_t i = 0; i < count; i += step)
        ticker->addTick(double(i), windowTickLabel(*m_report, i));
    axis->setTicker(ticker);
    axis->setRange(-0.6, double(count) - 0.4);
}

void WindowChart::addAlertMarkers(double value, const QString &metricPrefix)
{
    QVector<double> keys, values;
    for (std::size_t i = 0; i < m_report->windows.size(); ++i) {
        for (const auto &alert : m_report->windows[i].alerts) {
            if (metricPrefix.isEmpty() || QString::fromStdString(alert.metric).startsWith(metricPrefix)) {
                keys << double(i);
                values << value;
                break;
            }
        }
    }
    if (keys.isEmpty())
        return;
    QCPGraph *markers = addGraph();
    markers->setName(tr("alert"));
    markers->setLineStyle(QCPGraph::lsNone);
    const QColor red = statusColor(StatusTone::Failed, palette());
    markers->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangleInverted, red, red, 9));
    markers->setData(keys, values, true);
}

QString WindowChart::windowSummary(int window) const
{
    if (!m_report || window < 0)
        return {};
    const monitor::WindowResult &w = m_report->windows[std::size_t(window)];
    QString text = tr("%1 · %2 rows").arg(windowLabel(*m_report, std::size_t(window)), formatCount(w.rows));
    if (w.tooFewRows)
        text += tr(" (too few for its tests)");
    for (const auto &alert : w.alerts)
        text += QStringLiteral("\n⚠ ") + QString::fromStdString(alert.rule) + QStringLiteral(": ") +
                QString::fromStdString(alert.message);
    return text;
}

} // namespace assay::ui
