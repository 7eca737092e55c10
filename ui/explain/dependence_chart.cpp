#include "explain/dependence_chart.h"

#include "common/format.h"
#include "common/random.h"
#include "common/theme.h"
#include "explain/beeswarm_chart.h"
#include "explain/beeswarm_layout.h"
#include "explain/feature_value_text.h"
#include "explain/shap_statistics.h"

#include <cmath>

namespace assay::ui {

namespace {

constexpr double kReadoutPixels = 10;
constexpr double kCategoryJitter = 0.15;

} // namespace

DependenceChart::DependenceChart(QWidget *parent)
    : ExplainChart(parent), m_colorScale(new QCPColorScale(this))
{
    plotLayout()->addElement(1, 1, m_colorScale);
    m_colorScale->setType(QCPAxis::atRight);
    m_colorScale->setGradient(featureValueGradient());
    m_colorScale->setBarWidth(8);
    m_colorScale->axis()->setTickLabelColor(palette().color(QPalette::WindowText));
    m_colorScale->axis()->setLabelColor(palette().color(QPalette::WindowText));
    auto *margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_colorScale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
}

void DependenceChart::setDependence(const explain::ShapExplanation &explanation, std::size_t output,
                                    std::size_t feature, std::optional<std::size_t> colorBy,
                                    const QString &unit)
{
    clearPlottables();
    clearItems();
    const model::FeatureSpec &spec = explanation.x.features[feature];
    const bool categorical = spec.kind == model::FeatureKind::Categorical;
    m_xName = featureName(spec);
    m_colorName = colorBy ? featureName(explanation.x.features[*colorBy]) : QString();
    const std::vector<double> values = featureColumn(explanation.x, feature);
    const std::vector<double> shap = shapColumn(explanation.values, output, feature);
    const FeatureColorScale scale =
        colorBy ? colorScaleOf(explanation.x, *colorBy) : FeatureColorScale();

    m_x.clear();
    m_y.clear();
    m_color.clear();
    std::vector<ColoredPoints::Point> points;
    Random random(0xdec0de + feature);
    std::size_t missing = 0;
    for (std::size_t row = 0; row < values.size(); ++row) {
        if (std::isnan(values[row])) {
            ++missing;
            continue;
        }
        const double colorValue = colorBy ? explanation.x.at(row, *colorBy) : std::nan("");
        const double x =
            categorical ? values[row] + kCategoryJitter * random.uniform(-1, 1) : values[row];
        // Without a colour feature every point takes the middle of the scale.
        const int bucket = colorBy ? scale.step(colorValue) : FeatureColorScale::kSteps / 2;
        points.push_back({x, shap[row], bucket});
        m_x.push_back(values[row]);
        m_y.push_back(shap[row]);
        m_color.push_back(colorValue);
    }
    m_points = new ColoredPoints(xAxis, yAxis);
    m_points->setBucketColors(featureValueColors());
    m_points->setPointSize(points.size() > 5000 ? 3 : 4);
    m_points->setPoints(points);

    QString title = tr("SHAP value of %1").arg(m_xName);
    if (missing > 0)
        title += tr(" (%1 rows without a value not drawn)").arg(formatCount(missing));
    setTitle(title);
    m_colorScale->setVisible(colorBy.has_value());
    if (colorBy) {
        const model::FeatureSpec &colorSpec = explanation.x.features[*colorBy];
        m_colorScale->setDataRange(QCPRange(scale.low(), scale.high()));
        if (colorSpec.kind == model::FeatureKind::Categorical) {
            auto ticker = QSharedPointer<QCPAxisTickerText>::create();
            for (std::size_t code = 0; code < colorSpec.categories.size(); ++code)
                ticker->addTick(double(code),
                                elided(QString::fromStdString(colorSpec.categories[code]), 12));
            m_colorScale->axis()->setTicker(ticker);
        } else {
            m_colorScale->axis()->setTicker(QSharedPointer<QCPAxisTicker>::create());
        }
        m_colorScale->axis()->setLabel(m_colorName);
    }
    if (categorical) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (std::size_t code = 0; code < spec.categories.size(); ++code)
            ticker->addTick(double(code),
                            elided(QString::fromStdString(spec.categories[code]), 14));
        xAxis->setTicker(ticker);
    } else {
        xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    xAxis->setLabel(m_xName);
    yAxis->setLabel(tr("SHAP value of %1 (%2)").arg(m_xName, unit));
    rescaleAxes();
    xAxis->scaleRange(1.08, xAxis->range().center());
    yAxis->scaleRange(1.12, yAxis->range().center());
    auto *zero = new QCPItemStraightLine(this);
    zero->setPen(QPen(mutedTextColor(palette()), 1, Qt::DashLine));
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

QString DependenceChart::readoutAt(double key, double value) const
{
    const double px = xAxis->coordToPixel(key);
    const double py = yAxis->coordToPixel(value);
    double best = kReadoutPixels;
    std::optional<std::size_t> nearest;
    for (std::size_t i = 0; i < m_x.size(); ++i) {
        const double distance =
            std::hypot(xAxis->coordToPixel(m_x[i]) - px, yAxis->coordToPixel(m_y[i]) - py);
        if (distance < best) {
            best = distance;
            nearest = i;
        }
    }
    if (!nearest)
        return {};
    QString text =
        QStringLiteral("%1: %2<br>SHAP value: %3")
            .arg(m_xName.toHtmlEscaped(), formatNumber(m_x[*nearest]), formatNumber(m_y[*nearest]));
    if (!m_colorName.isEmpty())
        text += QStringLiteral("<br>%1: %2")
                    .arg(m_colorName.toHtmlEscaped(), formatNumber(m_color[*nearest]));
    return text;
}

CsvTable DependenceChart::csvTable() const
{
    CsvTable table;
    table.header << m_xName << tr("shap");
    if (!m_colorName.isEmpty())
        table.header << m_colorName;
    table.rowCount = qsizetype(m_x.size());
    table.cell = [x = m_x, y = m_y, color = m_color](qsizetype row, qsizetype column) {
        const auto r = std::size_t(row);
        const double number = column == 0 ? x[r] : (column == 1 ? y[r] : color[r]);
        return QString::number(number, 'g', 17);
    };
    return table;
}

} // namespace assay::ui
