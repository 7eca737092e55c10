#pragma once

#include <QWidget>

class QVBoxLayout;

namespace assay::ui {

class XyChart;
struct ModelResults;

// The Training tab: the per-round curves the trainer logged, one chart per metric with the
// training and validation lines (losses first), stacked.
class ModelTrainingView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxCharts = 3;

    explicit ModelTrainingView(QWidget *parent = nullptr);

    static bool hasCurves(const ModelResults &results);
    void showResults(const ModelResults &results);
    QList<XyChart *> charts() const { return m_charts; }

private:
    QVBoxLayout *m_layout;
    QList<XyChart *> m_charts;
};

} // namespace assay::ui
