#include "explain/lime_chart.h"

#include "common/format.h"
#include "common/theme.h"
#include "explain/feature_color_scale.h"

#include <algorithm>
#include <cmath>

namespace assay::ui {

LimeChart::LimeChart(QWidget *parent) : ExplainChart(parent)
{
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
}

void LimeChart::clearExplanation(const QString &title)
{
    clearPlottables();
    clearItems();
    m_conditions.clear();
    m_weights.clear();
    setTitle(title);
    setAxesShown(false); // a title alone, not empty axes
    replot(rpQueuedReplot);
}

void LimeChart::setAxesShown(bool shown)
{
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->setVisible(shown);
        axis->grid()->setVisible(shown && axis == xAxis);
    }
}

void LimeChart::setExplanation(const explain::LimeExplanation &explanation,
                               const QString &outputName)
{
    clearPlottables();
    clearItems();
    m_conditions.clear();
    m_weights.clear();
    for (const explain::LimeTerm &term : explanation.terms) {
        m_conditions << QString::fromStdString(term.condition);
        m_weights.push_back(term.weight);
    }
    setTitle(tr("LIME for %1: local R² %2, local %3 vs model %4")
                 .arg(outputName, formatNumber(explanation.score, 3),
                      formatNumber(explanation.localPrediction),
                      formatNumber(explanation.modelPrediction)));
    // Two bar sets so each sign has one colour.
    auto *up = new QCPBars(yAxis, xAxis);
    auto *down = new QCPBars(yAxis, xAxis);
    for (QCPBars *bars : {up, down}) {
        bars->setWidth(0.65);
        bars->setPen(Qt::NoPen);
    }
    up->setBrush(FeatureColorScale::highColor());
    down->setBrush(FeatureColorScale::lowColor());
    const auto count = m_conditions.size();
    double largest = 1e-12;
    for (qsizetype i = 0; i < count; ++i) {
        const double weight = m_weights[std::size_t(i)];
        (weight >= 0 ? up : down)->addData(double(count - 1 - i), weight);
        largest = std::max(largest, std::abs(weight));
    }
    setAxesShown(true);
    setCategoryTicks(yAxis, m_conditions);
    xAxis->setRange(-largest * 1.1, largest * 1.1);
    xAxis->setLabel(tr("weight in the local model"));
    addVerticalLine(0, mutedTextColor(palette()));
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

QString LimeChart::readoutAt(double, double value) const
{
    const auto index = m_conditions.size() - 1 - qsizetype(std::lround(value));
    if (index < 0 || index >= m_conditions.size())
        return {};
    return QStringLiteral("<b>%1</b><br>weight: %2")
        .arg(m_conditions[index].toHtmlEscaped(), formatNumberFull(m_weights[std::size_t(index)]));
}

CsvTable LimeChart::csvTable() const
{
    CsvTable table;
    table.header << tr("condition") << tr("weight");
    table.rowCount = m_conditions.size();
    table.cell = [conditions = m_conditions, weights = m_weights](qsizetype row, qsizetype column) {
        return column == 0 ? conditions[row] : QString::number(weights[std::size_t(row)], 'g', 17);
    };
    return table;
}

} // namespace assay::ui
