#include "runs/run_scatter_chart.h"

#include "runs/run_palette.h"

#include <cmath>

namespace assay::ui {

namespace {

// Leaves room around the points so none sits on the frame.
QCPRange paddedRange(const FieldScale &scale)
{
    if (!scale.hasValues)
        return {0, 1};
    if (scale.categorical)
        return {scale.min - 0.5, scale.max + 0.5};
    const double span = scale.max - scale.min;
    const double pad = span > 0 ? span * 0.06 : std::max(std::abs(scale.max) * 0.1, 0.5);
    return {scale.min - pad, scale.max + pad};
}

} // namespace

RunScatterChart::RunScatterChart(QWidget *parent) : ChartView(parent)
{
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
    // The legend stands beside the plot so it never covers a point.
    auto *legendRect = new QCPLayoutGrid;
    plotLayout()->addElement(0, 1, legendRect);
    legendRect->addElement(0, 0, legend);
    legendRect->setMargins(QMargins(0, 8, 8, 8));
    // An empty cell under the legend takes the spare height, so the entries stay together.
    legendRect->addElement(1, 0, new QCPLayoutElement(this));
    legendRect->setRowStretchFactor(0, 0.001);
    legend->setMaximumSize(220, QWIDGETSIZE_MAX);
    plotLayout()->setColumnStretchFactor(1, 0.001);
}

void RunScatterChart::setData(std::vector<Point> points, const RunField &xField, FieldScale x,
                              const RunField &yField, FieldScale y)
{
    m_points = std::move(points);
    m_xField = xField;
    m_yField = yField;
    m_x = std::move(x);
    m_y = std::move(y);
    clearGraphs();
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const double px = m_x.positions[i], py = m_y.positions[i];
        QCPGraph *graph = addGraph();
        const QColor color = runColor(m_points[i].runId);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, color.darker(120), color, 9));
        graph->setPen(QPen(color.darker(120)));
        graph->setName(m_points[i].name);
        if (std::isfinite(px) && std::isfinite(py))
            graph->addData(px, py);
        else
            graph->removeFromLegend();
    }
    legend->setVisible(m_points.size() <= std::size_t(kMaxLegendRuns));
    setUpAxis(xAxis, m_xField, m_x);
    setUpAxis(yAxis, m_yField, m_y);
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

void RunScatterChart::setUpAxis(QCPAxis *axis, const RunField &field, const FieldScale &scale)
{
    axis->setLabel(field.qualifiedLabel());
    if (scale.categorical) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (qsizetype i = 0; i < scale.categories.size(); ++i)
            ticker->addTick(double(i), scale.categories[i]);
        axis->setTicker(ticker);
    } else
        axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    axis->setRange(paddedRange(scale));
}

int RunScatterChart::pointNear(const QPointF &pos, double maxPixels) const
{
    int nearest = -1;
    double nearestDistance = maxPixels;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        const double px = m_x.positions[i], py = m_y.positions[i];
        if (!std::isfinite(px) || !std::isfinite(py))
            continue;
        const double distance =
            std::hypot(xAxis->coordToPixel(px) - pos.x(), yAxis->coordToPixel(py) - pos.y());
        if (distance < nearestDistance) {
            nearestDistance = distance;
            nearest = int(i);
        }
    }
    return nearest;
}

int RunScatterChart::plottedPointCount() const
{
    int count = 0;
    for (std::size_t i = 0; i < m_points.size(); ++i)
        count += std::isfinite(m_x.positions[i]) && std::isfinite(m_y.positions[i]) ? 1 : 0;
    return count;
}

QString RunScatterChart::readoutAt(double key, double value) const
{
    const int point = pointNear(QPointF(xAxis->coordToPixel(key), yAxis->coordToPixel(value)));
    if (point < 0)
        return {};
    const auto i = std::size_t(point);
    return QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5")
        .arg(m_points[i].name.toHtmlEscaped(), m_xField.label().toHtmlEscaped(),
             m_x.textAt(m_x.positions[i]).toHtmlEscaped(), m_yField.label().toHtmlEscaped(),
             m_y.textAt(m_y.positions[i]).toHtmlEscaped());
}

CsvTable RunScatterChart::csvTable() const
{
    CsvTable table;
    table.header << tr("run") << tr("run_id") << m_xField.label() << m_yField.label();
    table.rowCount = qsizetype(m_points.size());
    table.cell = [points = m_points, x = m_x, y = m_y](qsizetype row, qsizetype column) -> QString {
        const auto i = std::size_t(row);
        if (column == 0)
            return points[i].name;
        if (column == 1)
            return points[i].runId;
        const FieldScale &scale = column == 2 ? x : y;
        const double position = scale.positions[i];
        if (!std::isfinite(position))
            return {};
        return scale.categorical ? scale.textAt(position) : QString::number(position, 'g', 17);
    };
    return table;
}

} // namespace assay::ui
