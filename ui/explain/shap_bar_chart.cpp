#include "explain/shap_bar_chart.h"

#include "common/format.h"
#include "common/theme.h"

#include <algorithm>
#include <cmath>

namespace assay::ui {

ShapBarChart::ShapBarChart(QWidget *parent) : ExplainChart(parent)
{
    setTitle(tr("Mean |SHAP value|"));
    setReadout([this](double key, double value) { return readoutAt(key, value); });
    setCsvSource([this] { return csvTable(); });
}

void ShapBarChart::setImportance(const QStringList &names, const std::vector<double> &importance,
                                 const QString &unit)
{
    m_names = names;
    m_importance = importance;
    m_unit = unit;
    clearPlottables();
    auto *bars = new QCPBars(yAxis, xAxis);
    bars->setWidth(0.7);
    const QColor accent = accentColor(palette());
    bars->setPen(Qt::NoPen);
    bars->setBrush(accent);
    QVector<double> keys, values;
    for (qsizetype i = 0; i < names.size(); ++i) {
        keys << double(names.size() - 1 - i);
        values << importance[std::size_t(i)];
    }
    bars->setData(keys, values, true);
    setCategoryTicks(yAxis, names);
    const double largest =
        importance.empty() ? 1 : *std::max_element(importance.begin(), importance.end());
    xAxis->setRange(0, largest > 0 ? largest * 1.05 : 1);
    xAxis->ticker()->setTickCount(4); // the bars are often narrow beside the beeswarm
    xAxis->setLabel(tr("mean |SHAP value| (%1)").arg(unit));
    rememberHomeRanges();
    replot(rpQueuedReplot);
}

QString ShapBarChart::readoutAt(double, double value) const
{
    const auto index = m_names.size() - 1 - qsizetype(std::lround(value));
    if (index < 0 || index >= m_names.size())
        return {};
    return QStringLiteral("<b>%1</b><br>mean |SHAP|: %2")
        .arg(m_names[index].toHtmlEscaped(), formatNumber(m_importance[std::size_t(index)]));
}

CsvTable ShapBarChart::csvTable() const
{
    CsvTable table;
    table.header << tr("feature") << tr("mean_abs_shap");
    table.rowCount = m_names.size();
    table.cell = [names = m_names, importance = m_importance](qsizetype row, qsizetype column) {
        return column == 0 ? names[row] : QString::number(importance[std::size_t(row)], 'g', 17);
    };
    return table;
}

} // namespace assay::ui
