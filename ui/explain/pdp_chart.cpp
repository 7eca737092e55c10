#include "explain/pdp_chart.h"

#include "common/format.h"
#include "common/theme.h"
#include "explain/feature_value_text.h"

#include <algorithm>
#include <cmath>

namespace assay::ui {

PdpChart::PdpChart(QWidget *parent) : ExplainChart(parent)
{
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
    legend->setVisible(true);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void PdpChart::setCurve(const explain::PartialDependence &curve, const model::FeatureSpec &feature,
                        std::size_t output, const QString &outputName)
{
    clearPlottables();
    clearItems();
    const bool categorical = feature.kind == model::FeatureKind::Categorical;
    m_featureName = featureName(feature);
    m_grid = curve.grid;
    m_average.clear();
    const std::size_t points = curve.grid.size();
    const QVector<double> keys(curve.grid.begin(), curve.grid.end());
    QColor faint = mutedTextColor(palette());
    faint.setAlpha(70);
    m_iceCount = int(curve.iceRows.size());
    for (std::size_t ice = 0; ice < curve.iceRows.size(); ++ice) {
        QVector<double> values(qsizetype(points), 0.0);
        for (std::size_t g = 0; g < points; ++g)
            values[qsizetype(g)] = curve.ice[(ice * points + g) * curve.outputs + output];
        QCPGraph *graph = addGraph();
        graph->setPen(QPen(faint, 1));
        graph->setData(keys, values, true);
        if (categorical) {
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, faint, 4));
        }
        if (ice == 0)
            graph->setName(tr("ICE (%1 rows)").arg(curve.iceRows.size()));
        else
            graph->removeFromLegend();
    }
    QVector<double> average(qsizetype(points), 0.0);
    for (std::size_t g = 0; g < points; ++g) {
        average[qsizetype(g)] = curve.average[g * curve.outputs + output];
        m_average.push_back(average[qsizetype(g)]);
    }
    const QColor accent = accentColor(palette());
    QCPGraph *mean = addGraph();
    mean->setName(tr("Partial dependence (average)"));
    mean->setPen(QPen(accent, 2.5));
    mean->setData(keys, average, true);
    if (categorical) {
        mean->setLineStyle(QCPGraph::lsNone);
        mean->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, accent, accent, 9));
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (double code : curve.grid)
            ticker->addTick(code, elided(featureValueText(feature, code), 14));
        xAxis->setTicker(ticker);
    } else {
        xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    setTitle(tr("Partial dependence of %1 on %2").arg(outputName, m_featureName));
    xAxis->setLabel(m_featureName);
    yAxis->setLabel(tr("predicted %1").arg(outputName));
    rescaleAxes();
    if (categorical)
        xAxis->setRange(xAxis->range().lower - 0.5, xAxis->range().upper + 0.5);
    yAxis->scaleRange(1.1, yAxis->range().center());
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

QString PdpChart::readoutAt(double key, double) const
{
    if (m_grid.empty())
        return {};
    const auto nearest = std::min_element(m_grid.begin(), m_grid.end(), [key](double a, double b) {
        return std::abs(a - key) < std::abs(b - key);
    });
    const auto at = std::size_t(nearest - m_grid.begin());
    return QStringLiteral("%1 = %2<br>average prediction: %3")
        .arg(m_featureName.toHtmlEscaped(), formatNumber(m_grid[at]), formatNumber(m_average[at]));
}

CsvTable PdpChart::csvTable() const
{
    CsvTable table;
    table.header << m_featureName << tr("average");
    table.rowCount = qsizetype(m_grid.size());
    table.cell = [grid = m_grid, average = m_average](qsizetype row, qsizetype column) {
        const auto at = std::size_t(row);
        return QString::number(column == 0 ? grid[at] : average[at], 'g', 17);
    };
    return table;
}

} // namespace assay::ui
