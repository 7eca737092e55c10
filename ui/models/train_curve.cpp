#include "models/train_curve.h"

#include "common/format.h"

#include <algorithm>
#include <cmath>

namespace assay::ui {

namespace {

// Okabe–Ito colours that read on light and dark backgrounds (no yellow, no black).
const QColor kColors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                          QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00),
                          QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9)};

constexpr int kLegendColumns = 4;
constexpr double kValuePadding = 1.08; // room above and below the lines

bool isValidationMetric(const std::string &metric)
{
    return metric.rfind("valid_", 0) == 0;
}

// "train_logloss" -> "logloss"
QString lossName(const std::string &metric)
{
    const auto underscore = metric.find('_');
    return QString::fromStdString(underscore == std::string::npos ? metric
                                                                  : metric.substr(underscore + 1));
}

} // namespace

TrainCurve::TrainCurve(QWidget *parent) : ChartView(parent)
{
    xAxis->setLabel(tr("round"));
    yAxis->setLabel(tr("loss"));
    // The legend sits above the plot: the validation loss of an overfitting model climbs
    // into the top corner, where an inset legend would hide it.
    legend->setVisible(true);
    axisRect()->insetLayout()->take(legend);
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, legend);
    plotLayout()->setRowStretchFactor(0, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setWrap(kLegendColumns);
    legend->setMargins(QMargins(8, 4, 8, 0));
    setReadout([this](double key, double) { return readout(key); });
    setCsvSource([this] { return csv(); });
}

void TrainCurve::setSegmentNames(QStringList names)
{
    m_segmentNames = std::move(names);
}

void TrainCurve::clear()
{
    clearGraphs();
    m_graphs.clear();
    m_graphOrder.clear();
    m_segment = -1;
    m_lastIteration = -1;
    m_points = 0;
    xAxis->setRange(0, 1);
    yAxis->setRange(0, 1);
    replot(QCustomPlot::rpQueuedReplot);
}

QString TrainCurve::segmentName(int segment) const
{
    if (segment < m_segmentNames.size())
        return m_segmentNames[segment];
    return tr("training %1").arg(segment + 1);
}

QCPGraph *TrainCurve::graphFor(const std::string &metric)
{
    const auto key = std::make_pair(m_segment, metric);
    if (const auto found = m_graphs.find(key); found != m_graphs.end())
        return found->second;
    QCPGraph *graph = addGraph();
    const bool segmented = m_segmentNames.size() > 1;
    // One segment: a colour per metric. Several: a colour per segment, validation dashed.
    const std::size_t colorIndex =
        segmented
            ? std::size_t(m_segment)
            : std::size_t(std::count_if(m_graphOrder.begin(), m_graphOrder.end(),
                                        [this](const auto &k) { return k.first == m_segment; }));
    QPen pen(kColors[colorIndex % std::size(kColors)], 1.5);
    if (segmented && isValidationMetric(metric))
        pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    const QString name = QString::fromStdString(metric);
    graph->setName(segmented ? segmentName(m_segment) + QStringLiteral(" · ") + name : name);
    m_graphs.emplace(key, graph);
    m_graphOrder.push_back(key);
    updateAxisTitle(metric);
    return graph;
}

void TrainCurve::updateAxisTitle(const std::string &metric)
{
    yAxis->setLabel(lossName(metric));
}

void TrainCurve::append(const std::vector<model::IterationReport> &reports)
{
    if (reports.empty())
        return;
    for (const model::IterationReport &report : reports) {
        if (report.iteration <= m_lastIteration || m_segment < 0)
            ++m_segment;
        m_lastIteration = report.iteration;
        for (const auto &[metric, value] : report.metrics) {
            if (!std::isfinite(value))
                continue;
            graphFor(metric)->addData(report.iteration + 1, value);
            ++m_points;
        }
    }
    rescaleAxes();
    xAxis->setRangeLower(0);
    yAxis->scaleRange(kValuePadding, yAxis->range().center());
    rememberHomeRanges();
    replot(QCustomPlot::rpQueuedReplot);
}

QString TrainCurve::readout(double key) const
{
    const int round = int(std::lround(key));
    QStringList lines{tr("round %1").arg(round)};
    for (const auto &graphKey : m_graphOrder) {
        const QCPGraph *graph = m_graphs.at(graphKey);
        const auto found = graph->data()->findBegin(round, false);
        if (found == graph->data()->constEnd() || int(found->key) != round)
            continue;
        lines.append(QStringLiteral("%1: %2").arg(graph->name(), formatNumber(found->value)));
    }
    return lines.size() > 1 ? lines.join(u'\n') : QString();
}

CsvTable TrainCurve::csv() const
{
    struct Row {
        QString segment;
        QString metric;
        double round;
        double value;
    };
    auto rows = std::make_shared<std::vector<Row>>();
    for (const auto &graphKey : m_graphOrder) {
        const QCPGraph *graph = m_graphs.at(graphKey);
        for (auto point = graph->data()->constBegin(); point != graph->data()->constEnd(); ++point)
            rows->push_back({segmentName(graphKey.first), QString::fromStdString(graphKey.second),
                             point->key, point->value});
    }
    CsvTable table;
    table.header = {tr("segment"), tr("metric"), tr("round"), tr("value")};
    table.rowCount = qsizetype(rows->size());
    table.cell = [rows](qsizetype row, qsizetype column) {
        const Row &r = (*rows)[std::size_t(row)];
        switch (column) {
        case 0:
            return r.segment;
        case 1:
            return r.metric;
        case 2:
            return QString::number(r.round);
        default:
            return formatNumberFull(r.value);
        }
    };
    return table;
}

} // namespace assay::ui
