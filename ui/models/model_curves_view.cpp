#include "models/model_curves_view.h"

#include "models/evaluation_charts.h"
#include "models/model_results.h"
#include "models/xy_chart.h"

#include <QGridLayout>

namespace assay::ui {

namespace {

bool isBinary(const ModelResults &results)
{
    return results.task == QLatin1String("binary");
}

bool isRegression(const ModelResults &results)
{
    return results.task == QLatin1String("regression");
}

} // namespace

ModelCurvesView::ModelCurvesView(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    setObjectName(QStringLiteral("modelCurves"));
    m_grid->setContentsMargins(4, 4, 4, 4);
    m_grid->setSpacing(6);
}

bool ModelCurvesView::hasCurves(const ModelResults &results)
{
    for (const EvaluatedPart *part : heldOutParts(results)) {
        if (isBinary(results) && !part->evaluation.roc.x.empty())
            return true;
        if (isRegression(results) && !part->actual.empty())
            return true;
    }
    return false;
}

QList<XyChart *> ModelCurvesView::charts() const
{
    return m_charts;
}

void ModelCurvesView::clearCharts()
{
    for (XyChart *chart : std::as_const(m_charts))
        delete chart;
    m_charts.clear();
}

XyChart *ModelCurvesView::addChart(int row, int column, int columnSpan)
{
    auto *chart = new XyChart(this);
    m_grid->addWidget(chart, row, column, 1, columnSpan);
    m_charts.append(chart);
    return chart;
}

void ModelCurvesView::showResults(const ModelResults &results)
{
    clearCharts();
    const auto parts = heldOutParts(results);
    if (isBinary(results)) {
        addChart(0, 0)->setChartData(rocChart(parts));
        addChart(0, 1)->setChartData(precisionRecallChart(parts));
        addChart(1, 0, 2)->setChartData(calibrationChart(parts));
        m_grid->setRowStretch(0, 3);
        m_grid->setRowStretch(1, 2);
    } else if (isRegression(results)) {
        addChart(0, 0)->setChartData(predictedVsActualChart(parts));
        addChart(0, 1)->setChartData(residualsChart(parts));
        m_grid->setRowStretch(0, 1);
        m_grid->setRowStretch(1, 0);
    }
}

} // namespace assay::ui
