#pragma once

#include "runs/parallel_coordinates_data.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QToolButton;

namespace assay::ui {

class ParallelCoordinatesChart;

// The parallel-coordinates tab: a checkable list of params and a metric picker above the
// chart. Starts with the params that differ and the first metric; the user's picks are kept
// while the same keys exist in the next set of runs.
class ParallelCoordinatesView : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinatesView(QWidget *parent = nullptr);

    void setRuns(std::vector<const track::RunRecord *> runs);
    std::vector<RunField> shownFields() const;
    void setShownParams(const QStringList &params);
    void setMetric(const QString &metric);

    ParallelCoordinatesChart *chart() const { return m_chart; }
    QComboBox *metricPicker() const { return m_metric; }

private:
    void rebuildParamMenu();
    void replot();

    std::vector<const track::RunRecord *> m_runs;
    QStringList m_paramKeys;
    QStringList m_checkedParams;
    bool m_userPicked = false;
    QToolButton *m_params;
    QComboBox *m_metric;
    QLabel *m_hint;
    ParallelCoordinatesChart *m_chart;
};

} // namespace assay::ui
