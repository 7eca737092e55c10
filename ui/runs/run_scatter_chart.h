#pragma once

#include "common/chart_view.h"
#include "runs/run_comparison_field.h"

#include <vector>

namespace assay::ui {

// One point per run: a field against another, in the run's colour. A categorical field
// lies at ordinal positions labelled with its categories. Hovering a point names its run;
// with few runs a legend outside the data names them too.
class RunScatterChart : public ChartView {
    Q_OBJECT
public:
    struct Point {
        QString runId;
        QString name;
    };
    static constexpr int kMaxLegendRuns = 12;

    explicit RunScatterChart(QWidget *parent = nullptr);

    // `points[i]` is the run at position i of both scales.
    void setData(std::vector<Point> points, const RunField &xField, FieldScale x,
                 const RunField &yField, FieldScale y);
    // The run whose point is within `maxPixels` of `pos`, or -1.
    int pointNear(const QPointF &pos, double maxPixels = 10) const;
    int plottedPointCount() const;

private:
    void setUpAxis(QCPAxis *axis, const RunField &field, const FieldScale &scale);
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

    std::vector<Point> m_points;
    RunField m_xField, m_yField;
    FieldScale m_x, m_y;
};

} // namespace assay::ui
