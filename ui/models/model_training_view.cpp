#include "models/model_training_view.h"

#include "models/evaluation_charts.h"
#include "models/model_results.h"
#include "models/xy_chart.h"

#include <QVBoxLayout>

namespace assay::ui {

ModelTrainingView::ModelTrainingView(QWidget *parent)
    : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("modelTraining"));
    m_layout->setContentsMargins(4, 4, 4, 4);
    m_layout->setSpacing(6);
}

bool ModelTrainingView::hasCurves(const ModelResults &results)
{
    return !results.curves.empty();
}

void ModelTrainingView::showResults(const ModelResults &results)
{
    for (XyChart *chart : std::as_const(m_charts))
        delete chart;
    m_charts.clear();
    const QStringList metrics = trainingMetrics(results.curves);
    for (qsizetype i = 0; i < metrics.size() && i < kMaxCharts; ++i) {
        auto *chart = new XyChart(this);
        chart->setChartData(trainingChart(results.curves, metrics[i]));
        m_layout->addWidget(chart, 1);
        m_charts.append(chart);
    }
}

} // namespace assay::ui
