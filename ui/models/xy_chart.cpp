#include "models/xy_chart.h"

#include "common/format.h"
#include "common/theme.h"

#include <algorithm>
#include <cmath>

namespace assay::ui {

namespace {

constexpr double kReadoutPixels = 12;

} // namespace

XyChart::XyChart(QWidget *parent) : ChartView(parent), m_title(new QCPTextElement(this))
{
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    styleTitle();
    legend->setVisible(true);
    legend->setRowSpacing(0);
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
}

void XyChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        styleTitle();
    ChartView::changeEvent(event);
}

void XyChart::styleTitle()
{
    QFont font = this->font();
    font.setBold(true);
    m_title->setFont(font);
    m_title->setTextColor(palette().color(QPalette::WindowText));
}

void XyChart::setChartData(XyChartData content)
{
    m_data = std::move(content);
    clearPlottables();
    m_title->setText(m_data.title);
    xAxis->setLabel(m_data.xLabel);
    yAxis->setLabel(m_data.yLabel);
    if (m_data.unitSquare) {
        xAxis->setRange(-0.02, 1.02);
        yAxis->setRange(-0.02, 1.02);
    } else {
        AxisRange x = xRangeOf(m_data);
        AxisRange y = yRangeOf(m_data);
        if (m_data.equalAxes) {
            x = {std::min(x.lower, y.lower), std::max(x.upper, y.upper)};
            y = x;
        }
        xAxis->setRange(x.lower, x.upper);
        yAxis->setRange(y.lower, y.upper);
    }
    addReferenceLine();
    for (const XySeries &series : m_data.series)
        addSeries(series);
    legend->setVisible(!m_data.series.empty());
    axisRect()->insetLayout()->setInsetAlignment(0, m_data.legendCorner);
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

void XyChart::addReferenceLine()
{
    if (m_data.reference == ReferenceLine::None)
        return;
    QColor color = mutedTextColor(palette());
    auto *line = new QCPCurve(xAxis, yAxis);
    line->setPen(QPen(color, 1, Qt::DashLine));
    line->removeFromLegend();
    line->setSelectable(QCP::stNone);
    // Far beyond the data, so zooming out never shows its ends.
    const AxisRange x = m_data.unitSquare ? AxisRange{0, 1} : xRangeOf(m_data);
    const double span = std::max(1.0, x.upper - x.lower) * 1000;
    const double from = m_data.unitSquare ? 0 : x.lower - span;
    const double to = m_data.unitSquare ? 1 : x.upper + span;
    if (m_data.reference == ReferenceLine::Diagonal)
        line->setData({0, 1}, {from, to}, {from, to});
    else
        line->setData({0, 1}, {from, to}, {0, 0});
}

void XyChart::addSeries(const XySeries &series)
{
    if (series.style == XySeries::Style::Points) {
        QCPGraph *graph = addGraph();
        graph->setName(series.name);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setPen(QPen(series.color, 1));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, series.color, 4));
        graph->setData(QVector<double>(series.x.begin(), series.x.end()),
                       QVector<double>(series.y.begin(), series.y.end()));
        return;
    }
    auto *curve = new QCPCurve(xAxis, yAxis);
    curve->setName(series.name);
    curve->setPen(QPen(series.color, 1.5));
    if (series.style == XySeries::Style::LineWithPoints)
        curve->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDisc, series.color, series.color, 6));
    QVector<double> order(qsizetype(series.x.size()));
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = double(i);
    curve->setData(order, QVector<double>(series.x.begin(), series.x.end()),
                   QVector<double>(series.y.begin(), series.y.end()), true);
}

QString XyChart::readoutAt(double key, double value) const
{
    const double px = xAxis->coordToPixel(key);
    const double py = yAxis->coordToPixel(value);
    double best = kReadoutPixels;
    const XySeries *bestSeries = nullptr;
    std::size_t bestIndex = 0;
    for (const XySeries &series : m_data.series) {
        for (std::size_t i = 0; i < series.x.size(); ++i) {
            const double distance = std::hypot(xAxis->coordToPixel(series.x[i]) - px,
                                               yAxis->coordToPixel(series.y[i]) - py);
            if (distance < best) {
                best = distance;
                bestSeries = &series;
                bestIndex = i;
            }
        }
    }
    if (!bestSeries)
        return {};
    return QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5")
        .arg(bestSeries->name.toHtmlEscaped(), m_data.xLabel.toHtmlEscaped(),
             formatNumber(bestSeries->x[bestIndex]), m_data.yLabel.toHtmlEscaped(),
             formatNumber(bestSeries->y[bestIndex]));
}

CsvTable XyChart::csvTable() const
{
    struct Row {
        std::size_t series;
        std::size_t point;
    };
    std::vector<Row> rows;
    for (std::size_t s = 0; s < m_data.series.size(); ++s) {
        for (std::size_t i = 0; i < m_data.series[s].x.size(); ++i)
            rows.push_back({s, i});
    }
    CsvTable table;
    table.header << tr("series") << m_data.xLabel << m_data.yLabel;
    table.rowCount = qsizetype(rows.size());
    table.cell = [rows, data = m_data](qsizetype row, qsizetype column) -> QString {
        const Row &at = rows[std::size_t(row)];
        const XySeries &series = data.series[at.series];
        if (column == 0)
            return series.name;
        const double number = column == 1 ? series.x[at.point] : series.y[at.point];
        return QString::number(number, 'g', 17);
    };
    return table;
}

} // namespace assay::ui
