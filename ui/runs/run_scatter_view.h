#pragma once

#include "runs/run_comparison_field.h"

#include <QWidget>

#include <vector>

class QComboBox;

namespace assay::ui {

class RunScatterChart;

// The scatter tab: any param or metric (x) against any other (y), one point per run.
// Starts with the first param that differs against the first metric; the picks are kept
// while the next set of runs has them.
class RunScatterView : public QWidget {
    Q_OBJECT
public:
    explicit RunScatterView(QWidget *parent = nullptr);

    void setRuns(std::vector<const track::RunRecord *> runs);
    // False when the runs have no such field.
    bool setFields(const RunField &x, const RunField &y);
    RunField xField() const;
    RunField yField() const;

    RunScatterChart *chart() const { return m_chart; }
    QComboBox *xPicker() const { return m_x; }
    QComboBox *yPicker() const { return m_y; }

private:
    int indexOf(const RunField &field) const;
    void replot();

    std::vector<const track::RunRecord *> m_runs;
    std::vector<RunField> m_fields;
    QComboBox *m_x;
    QComboBox *m_y;
    RunScatterChart *m_chart;
};

} // namespace assay::ui
