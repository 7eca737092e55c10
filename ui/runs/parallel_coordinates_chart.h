#pragma once

#include "common/chart_view.h"
#include "runs/parallel_coordinates_data.h"

#include <QColor>
#include <QStringList>

#include <vector>

namespace assay::ui {

// Runs as polylines across one vertical axis per field, each axis normalised to its own
// range (min at the bottom, max at the top) and labelled with its name and extremes;
// categorical axes show their categories at evenly spaced positions. A run's line has the
// run's colour; hovering near a line names the run and thickens its line.
class ParallelCoordinatesChart : public ChartView {
    Q_OBJECT
public:
    struct Line {
        QString runId;
        QString name;
    };

    explicit ParallelCoordinatesChart(QWidget *parent = nullptr);

    // `lines[i]` is the run at position i of every axis' scale.
    void setData(std::vector<Line> lines, std::vector<ParallelAxis> axes);
    const std::vector<ParallelAxis> &axes() const { return m_axes; }
    // The run whose line passes within `maxPixels` of `pos`, or -1.
    int lineNear(const QPointF &pos, double maxPixels = 8) const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // Axis names wider than their share of the chart break at '_' and '.' onto more lines.
    void fitAxisNames();
    void addAxisItems(int axisIndex);
    void addSideLabel(QCPItemLine *axisLine, double y, const QString &text);
    void highlight(int line);
    QString readoutAt(double key, double value) const;
    CsvTable csvTable() const;

    std::vector<Line> m_lines;
    std::vector<ParallelAxis> m_axes;
    std::vector<QCPGraph *> m_graphs;
    std::vector<QCPItemText *> m_axisNames; // one per axis
    int m_highlighted = -1;
};

} // namespace assay::ui
