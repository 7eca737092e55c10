#pragma once

#include <QWidget>

class QGridLayout;

namespace assay::ui {

class XyChart;
struct ModelResults;

// The Curves tab. Binary tasks: ROC and precision–recall curves of the held-out parts (AUC
// and average precision in the legend) above the calibration plot. Regression: predicted vs
// actual and residuals vs predicted of the sampled held-out rows.
class ModelCurvesView : public QWidget {
    Q_OBJECT
public:
    explicit ModelCurvesView(QWidget *parent = nullptr);

    // True when `results` has curves this view can draw.
    static bool hasCurves(const ModelResults &results);
    void showResults(const ModelResults &results);
    // The charts shown, in reading order.
    QList<XyChart *> charts() const;

private:
    void clearCharts();
    XyChart *addChart(int row, int column, int columnSpan = 1);

    QGridLayout *m_grid;
    QList<XyChart *> m_charts;
};

} // namespace assay::ui
