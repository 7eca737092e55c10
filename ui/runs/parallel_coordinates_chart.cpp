#include "runs/parallel_coordinates_chart.h"

#include "common/theme.h"
#include "runs/run_palette.h"

#include <QFontMetrics>
#include <QRegularExpression>

#include <cmath>
#include <set>

namespace assay::ui {

namespace {

constexpr int kMaxCategoryLabels = 12;
constexpr std::size_t kMaxInnerValueLabels = 6;
constexpr int kMaxSideLabelWidth = 110;
constexpr double kBottom = -0.1; // room under the axes for the min labels
constexpr double kTop = 1.22;    // and above them for the names (two lines) and max labels
const QString kHighlightLayer = QStringLiteral("highlight");

QCPItemText *axisText(QCustomPlot *plot, double x, double y, const QString &text,
                      Qt::Alignment alignment, const QColor &color)
{
    auto *item = new QCPItemText(plot);
    item->position->setCoords(x, y);
    item->setPositionAlignment(alignment);
    item->setText(text);
    item->setColor(color);
    item->setSelectable(false);
    item->setClipToAxisRect(false);
    return item;
}

} // namespace

ParallelCoordinatesChart::ParallelCoordinatesChart(QWidget *parent) : ChartView(parent)
{
    setInteractions(QCP::Interactions());
    addLayer(kHighlightLayer, layer(QStringLiteral("main")), limAbove);
    xAxis->setVisible(false);
    yAxis->setVisible(false);
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    axisRect()->setAutoMargins(QCP::msNone);
    axisRect()->setMargins(QMargins(40, 8, 40, 8));
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
    connect(this, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent *event) { highlight(lineNear(event->position())); });
}

void ParallelCoordinatesChart::setData(std::vector<Line> lines, std::vector<ParallelAxis> axes)
{
    m_lines = std::move(lines);
    m_axes = std::move(axes);
    m_highlighted = -1;
    clearGraphs();
    clearItems();
    m_graphs.clear();
    const int axisCount = int(m_axes.size());
    for (std::size_t line = 0; line < m_lines.size(); ++line) {
        QCPGraph *graph = addGraph();
        const QColor color = runColor(m_lines[line].runId);
        graph->setPen(QPen(color, 1.2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 4));
        graph->setName(m_lines[line].name);
        QVector<double> keys, values;
        for (int axis = 0; axis < axisCount; ++axis) {
            keys << axis;
            values << m_axes[std::size_t(axis)].scale.normalised(line);
        }
        graph->setData(keys, values, true);
        m_graphs.push_back(graph);
    }
    m_axisNames.clear();
    for (int axis = 0; axis < axisCount; ++axis)
        addAxisItems(axis);
    fitAxisNames();
    xAxis->setRange(-0.5, std::max(axisCount, 1) - 0.5);
    yAxis->setRange(kBottom, kTop);
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

void ParallelCoordinatesChart::resizeEvent(QResizeEvent *event)
{
    ChartView::resizeEvent(event);
    fitAxisNames();
    replot(rpQueuedReplot);
}

void ParallelCoordinatesChart::showEvent(QShowEvent *event)
{
    ChartView::showEvent(event);
    fitAxisNames();
    replot(rpQueuedReplot);
}

void ParallelCoordinatesChart::fitAxisNames()
{
    // A hidden chart's width is not the one it will be shown at: fit when it is shown.
    if (m_axisNames.empty() || !isVisible())
        return;
    const int slot = std::max(40, width() / int(m_axisNames.size()) - 8);
    for (std::size_t i = 0; i < m_axisNames.size(); ++i) {
        const QString full = m_axes[i].field.label();
        const QFontMetrics metrics(m_axisNames[i]->font());
        QStringList lines{QString()};
        // Break after separators, greedily, so "min_child_weight" becomes "min_child_" +
        // "weight" where it would run into its neighbour.
        static const QRegularExpression pieces(QStringLiteral("[^_./]*[_./]?"));
        for (auto match = pieces.globalMatch(full); match.hasNext();) {
            const QString piece = match.next().captured();
            if (piece.isEmpty())
                continue;
            if (!lines.last().isEmpty() && metrics.horizontalAdvance(lines.last() + piece) > slot)
                lines.append(QString());
            lines.last() += piece;
        }
        for (QString &line : lines)
            line = metrics.elidedText(line, Qt::ElideMiddle, slot);
        m_axisNames[i]->setText(lines.join(u'\n'));
    }
}

void ParallelCoordinatesChart::addAxisItems(int axisIndex)
{
    const ParallelAxis &axis = m_axes[std::size_t(axisIndex)];
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor muted = mutedTextColor(pal);
    const double x = axisIndex;

    auto *line = new QCPItemLine(this);
    line->start->setCoords(x, 0);
    line->end->setCoords(x, 1);
    line->setPen(QPen(muted, 1));
    line->setSelectable(false);

    QCPItemText *name =
        axisText(this, x, kTop, axis.field.label(), Qt::AlignTop | Qt::AlignHCenter, text);
    QFont bold = font();
    bold.setBold(true);
    name->setFont(bold);
    m_axisNames.push_back(name);
    name->setTextAlignment(Qt::AlignCenter);

    const FieldScale &scale = axis.scale;
    if (!scale.hasValues) {
        axisText(this, x, 0.5, tr("no values"), Qt::AlignLeft | Qt::AlignVCenter, muted);
        return;
    }
    if (scale.categorical) {
        // Categories sit beside their axis; with many, every n-th is labelled.
        const qsizetype count = scale.categories.size();
        const qsizetype stride =
            std::max<qsizetype>(1, (count + kMaxCategoryLabels - 1) / kMaxCategoryLabels);
        for (qsizetype i = 0; i < count; i += stride)
            addSideLabel(line, count == 1 ? 0.5 : double(i) / double(count - 1),
                         scale.categories[i]);
        return;
    }
    if (scale.min == scale.max) {
        addSideLabel(line, 0.5, scale.textAt(scale.min));
        return;
    }
    axisText(this, x, 1, scale.textAt(scale.max), Qt::AlignBottom | Qt::AlignHCenter, muted)
        ->setPadding(QMargins(0, 0, 0, 2));
    axisText(this, x, 0, scale.textAt(scale.min), Qt::AlignTop | Qt::AlignHCenter, muted)
        ->setPadding(QMargins(0, 2, 0, 0));
    // A swept param has few values: each inner one is labelled where the lines meet it.
    std::set<double> inner;
    for (double position : scale.positions)
        if (std::isfinite(position) && position != scale.min && position != scale.max)
            inner.insert(position);
    if (inner.size() <= kMaxInnerValueLabels)
        for (double position : inner)
            addSideLabel(line, (position - scale.min) / (scale.max - scale.min),
                         scale.textAt(position));
}

void ParallelCoordinatesChart::addSideLabel(QCPItemLine *axisLine, double y, const QString &text)
{
    const QPalette pal = palette();
    QCPItemText *label =
        axisText(this, 0, y, fontMetrics().elidedText(text, Qt::ElideMiddle, kMaxSideLabelWidth),
                 Qt::AlignLeft | Qt::AlignVCenter, mutedTextColor(pal));
    // A few pixels right of the axis line, on a background of its own so lines crossing
    // behind it don't make it unreadable.
    label->position->setTypeX(QCPItemPosition::ptAbsolute);
    label->position->setParentAnchorX(axisLine->start);
    label->position->setCoords(4, y);
    QColor background = pal.color(QPalette::Base);
    background.setAlpha(210);
    label->setBrush(background);
    label->setPadding(QMargins(2, 0, 2, 0));
}

int ParallelCoordinatesChart::lineNear(const QPointF &pos, double maxPixels) const
{
    if (m_axes.empty())
        return -1;
    const double key = xAxis->pixelToCoord(pos.x());
    const int left = std::clamp(int(std::floor(key)), 0, int(m_axes.size()) - 1);
    const int right = std::clamp(left + 1, 0, int(m_axes.size()) - 1);
    const double t = right == left ? 0.0 : std::clamp(key - left, 0.0, 1.0);
    int nearest = -1;
    double nearestDistance = maxPixels;
    for (std::size_t line = 0; line < m_lines.size(); ++line) {
        const double a = m_axes[std::size_t(left)].scale.normalised(line);
        const double b = m_axes[std::size_t(right)].scale.normalised(line);
        const double value = right == left ? a : a + (b - a) * t;
        if (!std::isfinite(value))
            continue;
        const double distance = std::abs(yAxis->coordToPixel(value) - pos.y());
        if (distance < nearestDistance) {
            nearestDistance = distance;
            nearest = int(line);
        }
    }
    return nearest;
}

void ParallelCoordinatesChart::highlight(int line)
{
    if (line == m_highlighted)
        return;
    const auto setWidth = [this](int index, double width) {
        if (index < 0 || index >= int(m_graphs.size()))
            return;
        QPen pen = m_graphs[std::size_t(index)]->pen();
        pen.setWidthF(width);
        m_graphs[std::size_t(index)]->setPen(pen);
    };
    setWidth(m_highlighted, 1.2);
    if (m_highlighted >= 0 && m_highlighted < int(m_graphs.size()))
        m_graphs[std::size_t(m_highlighted)]->setLayer(QStringLiteral("main"));
    setWidth(line, 3);
    // The hovered line is drawn above the others so it is never hidden behind them.
    if (line >= 0)
        m_graphs[std::size_t(line)]->setLayer(kHighlightLayer);
    m_highlighted = line;
    replot(rpQueuedReplot);
}

QString ParallelCoordinatesChart::readoutAt(double key, double value) const
{
    const int line = lineNear(QPointF(xAxis->coordToPixel(key), yAxis->coordToPixel(value)));
    if (line < 0)
        return {};
    QStringList text{
        QStringLiteral("<b>%1</b>").arg(m_lines[std::size_t(line)].name.toHtmlEscaped())};
    for (const ParallelAxis &axis : m_axes) {
        const double position = axis.scale.positions[std::size_t(line)];
        text << QStringLiteral("%1: %2").arg(axis.field.label().toHtmlEscaped(),
                                             std::isfinite(position)
                                                 ? axis.scale.textAt(position).toHtmlEscaped()
                                                 : QStringLiteral("—"));
    }
    return text.join(QStringLiteral("<br>"));
}

CsvTable ParallelCoordinatesChart::csvTable() const
{
    CsvTable table;
    table.header << tr("run") << tr("run_id");
    for (const ParallelAxis &axis : m_axes)
        table.header << axis.field.label();
    table.rowCount = qsizetype(m_lines.size());
    table.cell = [lines = m_lines, axes = m_axes](qsizetype row, qsizetype column) -> QString {
        const auto line = std::size_t(row);
        if (column == 0)
            return lines[line].name;
        if (column == 1)
            return lines[line].runId;
        const FieldScale &scale = axes[std::size_t(column - 2)].scale;
        const double position = scale.positions[line];
        if (!std::isfinite(position))
            return {};
        return scale.categorical ? scale.textAt(position) : QString::number(position, 'g', 17);
    };
    return table;
}

} // namespace assay::ui
