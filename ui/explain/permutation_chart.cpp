#include "explain/permutation_chart.h"

#include "common/format.h"
#include "common/theme.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::ui {

PermutationChart::PermutationChart(QWidget *parent) : ExplainChart(parent)
{
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
}

void PermutationChart::setImportance(const explain::PermutationImportance &importance,
                                     const QStringList &names)
{
    clearPlottables();
    clearItems();
    std::vector<const explain::FeatureImportance *> order;
    for (const explain::FeatureImportance &feature : importance.features)
        order.push_back(&feature);
    std::stable_sort(order.begin(), order.end(),
                     [](const auto *a, const auto *b) { return a->mean > b->mean; });
    m_names.clear();
    m_means.clear();
    m_stds.clear();
    for (const auto *feature : order) {
        m_names << names.value(qsizetype(feature->feature));
        m_means.push_back(feature->mean);
        m_stds.push_back(feature->std);
    }
    const QString metric = QString::fromStdString(importance.metric);
    setTitle(tr("Permutation importance: drop of %1 (baseline %2)")
                 .arg(metric, formatNumber(importance.baseline)));
    auto *bars = new QCPBars(yAxis, xAxis);
    bars->setWidth(0.65);
    bars->setPen(Qt::NoPen);
    bars->setBrush(accentColor(palette()));
    auto *errors = new QCPErrorBars(yAxis, xAxis);
    errors->setErrorType(QCPErrorBars::etValueError); // along the bars, which lie horizontally
    errors->setPen(QPen(palette().color(QPalette::WindowText), 1));
    errors->setWhiskerWidth(6);
    const auto count = m_names.size();
    QVector<double> keys, values, spread;
    double lowest = 0, highest = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const auto at = std::size_t(i);
        keys << double(count - 1 - i);
        values << m_means[at];
        spread << m_stds[at];
        lowest = std::min(lowest, m_means[at] - m_stds[at]);
        highest = std::max(highest, m_means[at] + m_stds[at]);
    }
    bars->setData(keys, values, true);
    errors->setDataPlottable(bars);
    errors->setData(spread);
    setCategoryTicks(yAxis, m_names);
    const double span = std::max(highest - lowest, 1e-9);
    xAxis->setRange(lowest - span * 0.04, highest + span * 0.06);
    xAxis->setLabel(tr("drop of %1 when shuffled (mean ± std over the repeats)").arg(metric));
    addVerticalLine(0, mutedTextColor(palette()));
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

QString PermutationChart::readoutAt(double, double value) const
{
    const auto index = m_names.size() - 1 - qsizetype(std::lround(value));
    if (index < 0 || index >= m_names.size())
        return {};
    const auto at = std::size_t(index);
    return QStringLiteral("<b>%1</b><br>%2 ± %3")
        .arg(m_names[index].toHtmlEscaped(), formatNumber(m_means[at]), formatNumber(m_stds[at]));
}

CsvTable PermutationChart::csvTable() const
{
    CsvTable table;
    table.header << tr("feature") << tr("mean") << tr("std");
    table.rowCount = m_names.size();
    table.cell = [names = m_names, means = m_means, stds = m_stds](qsizetype row,
                                                                   qsizetype column) {
        const auto at = std::size_t(row);
        if (column == 0)
            return names[row];
        return QString::number(column == 1 ? means[at] : stds[at], 'g', 17);
    };
    return table;
}

} // namespace assay::ui
