#include "explain/beeswarm_chart.h"

#include "common/format.h"
#include "common/theme.h"
#include "explain/beeswarm_layout.h"
#include "explain/feature_value_text.h"

#include <cmath>

namespace assay::ui {

QCPColorGradient featureValueGradient()
{
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0, FeatureColorScale::lowColor());
    gradient.setColorStopAt(1, FeatureColorScale::highColor());
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    return gradient;
}

std::array<QColor, ColoredPoints::kBuckets> featureValueColors()
{
    std::array<QColor, ColoredPoints::kBuckets> colors;
    for (int step = 0; step < ColoredPoints::kBuckets; ++step)
        colors[std::size_t(step)] = FeatureColorScale::colorOfStep(step);
    return colors;
}

BeeswarmChart::BeeswarmChart(QWidget *parent)
    : ExplainChart(parent), m_colorScale(new QCPColorScale(this))
{
    setTitle(tr("SHAP values by feature value"));
    plotLayout()->addElement(1, 1, m_colorScale);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setGradient(featureValueGradient());
    m_colorScale->setDataRange(QCPRange(0, 1));
    m_colorScale->setBarWidth(8);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->addTick(0, tr("Low"));
    ticker->addTick(1, tr("High"));
    m_colorScale->axis()->setTicker(ticker);
    m_colorScale->axis()->setLabel(tr("Feature value"));
    m_colorScale->axis()->setTickLabelColor(palette().color(QPalette::WindowText));
    m_colorScale->axis()->setLabelColor(palette().color(QPalette::WindowText));
    // Keep the colour bar as tall as the plot.
    auto *margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    setReadout([this](double key, double value) { return readoutAt(key, value); });
}

void BeeswarmChart::setSwarm(const explain::ShapExplanation &explanation, std::size_t output,
                             const std::vector<std::size_t> &shown, const QString &unit)
{
    clearPlottables();
    clearItems();
    m_unit = unit;
    m_names.clear();
    for (std::size_t feature : shown)
        m_names << featureName(explanation.x.features[feature]);
    m_points = new ColoredPoints(xAxis, yAxis);
    m_points->setBucketColors(featureValueColors());
    m_points->setPointSize(explanation.values.rows > 5000 ? 3 : 4);
    m_points->setPoints(beeswarmPoints(explanation, output, shown));
    setCategoryTicks(yAxis, m_names);
    bool found = false;
    QCPRange keys = m_points->getKeyRange(found);
    if (!found)
        keys = QCPRange(-1, 1);
    const double pad = std::max(keys.size() * 0.04, 1e-9);
    xAxis->setRange(keys.lower - pad, keys.upper + pad);
    xAxis->setLabel(tr("SHAP value (%1)").arg(unit));
    addVerticalLine(0, mutedTextColor(palette()));
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

QString BeeswarmChart::readoutAt(double key, double value) const
{
    const auto index = m_names.size() - 1 - qsizetype(std::lround(value));
    if (index < 0 || index >= m_names.size())
        return {};
    return QStringLiteral("<b>%1</b><br>SHAP value: %2")
        .arg(m_names[index].toHtmlEscaped(), formatNumber(key));
}

} // namespace assay::ui
