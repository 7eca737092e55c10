#include "explain/shap_summary_view.h"

#include "explain/beeswarm_chart.h"
#include "explain/feature_value_text.h"
#include "explain/shap_bar_chart.h"
#include "explain/shap_statistics.h"

#include <QHBoxLayout>
#include <QSplitter>

namespace assay::ui {

ShapSummaryView::ShapSummaryView(QWidget *parent)
    : QWidget(parent), m_bars(new ShapBarChart(this)), m_beeswarm(new BeeswarmChart(this))
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_bars);
    splitter->addWidget(m_beeswarm);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({380, 620}); // the bars need room for their names and ticks too
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(splitter);
}

void ShapSummaryView::showShap(const explain::ShapExplanation &shap, std::size_t output,
                               const QString &unit)
{
    const std::vector<double> importance = meanAbsoluteShap(shap.values, output);
    std::vector<std::size_t> shown = featuresByImportance(importance);
    if (shown.size() > kShownFeatures)
        shown.resize(kShownFeatures);
    QStringList names;
    std::vector<double> shownImportance;
    for (std::size_t feature : shown) {
        names << featureName(shap.x.features[feature]);
        shownImportance.push_back(importance[feature]);
    }
    m_bars->setImportance(names, shownImportance, unit);
    m_beeswarm->setSwarm(shap, output, shown, unit);
}

} // namespace assay::ui
