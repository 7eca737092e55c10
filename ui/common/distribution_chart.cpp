#include "common/distribution_chart.h"

#include "common/format.h"
#include "common/theme.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::ui {

namespace {

QColor seriesColor(std::size_t index, const QPalette &palette)
{
    return index == 0 ? mutedTextColor(palette) : accentColor(palette);
}

QString shortLabel(const QString &text)
{
    constexpr qsizetype kMaxLength = 14;
    return text.size() <= kMaxLength ? text : text.left(kMaxLength - 1) + QChar(0x2026);
}

constexpr double kSecondsPerNanosecond = 1e-9;

QString edgeText(double edge, bool datetime)
{
    if (!datetime)
        return formatNumber(edge);
    const QDateTime moment =
        QDateTime::fromMSecsSinceEpoch(std::int64_t(edge / 1e6), QTimeZone::utc());
    return moment.toString(moment.time() == QTime(0, 0) ? QStringLiteral("yyyy-MM-dd")
                                                        : QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString percent(double share)
{
    return QString::number(share * 100.0, 'g', 4) + QStringLiteral(" %");
}

} // namespace

DistributionChart::DistributionChart(QWidget *parent) : ChartView(parent)
{
    yAxis->setLabel(tr("share of rows (%)"));
    legend->setVisible(true);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    // The legend sits in a row above the plot, never over the bars.
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, legend);
    plotLayout()->setRowStretchFactor(0, 0.001);
    legend->setMargins(QMargins(4, 2, 4, 2));
    setReadout([this](double key, double) { return readoutAt(key); });
    setCsvSource([this] { return csvTable(); });
}

std::vector<double> DistributionChart::sharesOf(const DistributionSeries &series) const
{
    const double total = std::accumulate(series.counts.begin(), series.counts.end(), 0.0);
    std::vector<double> shares(series.counts.size(), 0.0);
    if (total > 0)
        for (std::size_t i = 0; i < shares.size(); ++i)
            shares[i] = series.counts[i] / total;
    return shares;
}

void DistributionChart::clearData()
{
    m_data = {};
    clearPlottables();
    replot();
}

void DistributionChart::setData(DistributionData data)
{
    m_data = std::move(data);
    clearPlottables();
    xAxis->setLabel(m_data.valueTitle);
    if (m_data.isNumeric())
        drawNumeric();
    else
        drawCategories();
    yAxis->rescale();
    yAxis->setRangeLower(0);
    yAxis->setRangeUpper(yAxis->range().upper * 1.08);
    rememberHomeRanges();
    replot();
}

void DistributionChart::drawNumeric()
{
    // Datetimes are plotted in seconds, the unit QCustomPlot's date ticker reads.
    std::vector<double> edges = m_data.edges;
    if (m_data.datetimeEdges) {
        for (double &edge : edges)
            edge *= kSecondsPerNanosecond;
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>(new QCPAxisTickerDateTime);
        ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
        ticker->setTimeZone(QTimeZone::utc());
        xAxis->setTicker(ticker);
    } else {
        xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
    const std::size_t bins = edges.size() - 1;
    const double width = bins > 0 ? (edges.back() - edges.front()) / double(bins) : 1.0;
    for (std::size_t s = 0; s < m_data.series.size(); ++s) {
        const std::vector<double> shares = sharesOf(m_data.series[s]);
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setName(m_data.series[s].name);
        bars->setWidthType(QCPBars::wtPlotCoords);
        bars->setWidth(width > 0 ? width : 1.0);
        QColor color = seriesColor(s, palette());
        QColor fill = color;
        fill.setAlpha(s == 0 ? 110 : 90);
        bars->setPen(QPen(color, 1));
        bars->setBrush(fill);
        QVector<double> keys, values;
        for (std::size_t b = 0; b < bins && b < shares.size(); ++b) {
            keys << (edges[b] + edges[b + 1]) / 2.0;
            values << shares[b] * 100.0;
        }
        bars->setData(keys, values, true);
    }
    const double pad = width * 0.5;
    xAxis->setRange(edges.front() - pad, edges.back() + pad);
}

void DistributionChart::drawCategories()
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const auto count = m_data.categories.size();
    for (qsizetype i = 0; i < count; ++i)
        ticker->addTick(double(i), shortLabel(m_data.categories[i]));
    xAxis->setTicker(ticker);
    xAxis->setTickLabelRotation(count > 8 ? 40 : 0);
    auto *group = new QCPBarsGroup(this);
    group->setSpacing(1);
    const double barWidth = 0.8 / double(std::max<std::size_t>(1, m_data.series.size()));
    for (std::size_t s = 0; s < m_data.series.size(); ++s) {
        const std::vector<double> shares = sharesOf(m_data.series[s]);
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setName(m_data.series[s].name);
        bars->setWidth(barWidth);
        const QColor color = seriesColor(s, palette());
        QColor fill = color;
        fill.setAlpha(170);
        bars->setPen(QPen(color, 1));
        bars->setBrush(fill);
        QVector<double> keys, values;
        for (qsizetype i = 0; i < count && std::size_t(i) < shares.size(); ++i) {
            keys << double(i);
            values << shares[std::size_t(i)] * 100.0;
        }
        bars->setData(keys, values, true);
        if (m_data.series.size() > 1)
            bars->setBarsGroup(group);
    }
    xAxis->setRange(-0.7, double(count) - 0.3);
}

QString DistributionChart::readoutAt(double key) const
{
    QString where;
    std::size_t index = 0;
    if (m_data.isNumeric()) {
        const auto &edges = m_data.edges;
        if (m_data.datetimeEdges)
            key /= kSecondsPerNanosecond;
        if (edges.size() < 2 || key < edges.front() || key > edges.back())
            return {};
        index = std::min<std::size_t>(
            edges.size() - 2,
            std::size_t(std::upper_bound(edges.begin(), edges.end(), key) - edges.begin()) - 1);
        where = QStringLiteral("%1 … %2").arg(edgeText(edges[index], m_data.datetimeEdges),
                                               edgeText(edges[index + 1], m_data.datetimeEdges));
    } else {
        const long rounded = std::lround(key);
        if (rounded < 0 || rounded >= m_data.categories.size())
            return {};
        index = std::size_t(rounded);
        where = m_data.categories[qsizetype(index)];
    }
    QStringList lines{QStringLiteral("<b>%1</b>").arg(where.toHtmlEscaped())};
    for (const auto &series : m_data.series) {
        if (index >= series.counts.size())
            continue;
        lines << QStringLiteral("%1: %2 (%3 rows)")
                     .arg(series.name.toHtmlEscaped(), percent(sharesOf(series)[index]),
                          formatCount(std::uint64_t(series.counts[index])));
    }
    return lines.join(QStringLiteral("<br>"));
}

CsvTable DistributionChart::csvTable() const
{
    CsvTable table;
    table.header << (m_data.isNumeric() ? QStringList{tr("bin_from"), tr("bin_to")}
                                        : QStringList{tr("category")});
    for (const auto &series : m_data.series)
        table.header << series.name + tr(" count") << series.name + tr(" share");
    table.rowCount = m_data.isNumeric() ? qsizetype(m_data.edges.size()) - 1 : m_data.categories.size();
    std::vector<std::vector<double>> shares;
    for (const auto &series : m_data.series)
        shares.push_back(sharesOf(series));
    const DistributionData data = m_data;
    table.cell = [data, shares](qsizetype row, qsizetype column) -> QString {
        const std::size_t r = std::size_t(row);
        const qsizetype labelColumns = data.isNumeric() ? 2 : 1;
        if (column < labelColumns) {
            if (!data.isNumeric())
                return data.categories[row];
            const double edge = data.edges[r + std::size_t(column)];
            return data.datetimeEdges ? edgeText(edge, true) : QString::number(edge, 'g', 17);
        }
        const std::size_t s = std::size_t(column - labelColumns) / 2;
        const bool isShare = (column - labelColumns) % 2 == 1;
        if (s >= data.series.size() || r >= data.series[s].counts.size())
            return {};
        return isShare ? QString::number(shares[s][r], 'g', 17)
                       : QString::number(data.series[s].counts[r], 'g', 17);
    };
    return table;
}

} // namespace assay::ui
