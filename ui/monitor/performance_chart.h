#pragma once

#include "monitor/window_chart.h"

namespace assay::ui {

// A binary classifier's performance per window: estimated without labels (a line) beside the
// realized value where labels arrived (a line with dots), over the reference band of the
// estimate (mean ± 3 sd of the reference's chunks) as a light band with dashed edges.
// Windows whose performance broke a rule are marked.
class PerformanceChart : public WindowChart {
    Q_OBJECT
public:
    explicit PerformanceChart(QWidget *parent = nullptr);

    // "roc_auc" (default), "accuracy", "precision", "recall" or "f1".
    void setMetric(const QString &metric);
    const QString &metric() const { return m_metric; }
    static QStringList metrics();

protected:
    void showReport() override;

private:
    QString m_metric = QStringLiteral("roc_auc");
};

// "ROC AUC", "accuracy", …
QString metricTitle(const QString &metric);

} // namespace assay::ui
