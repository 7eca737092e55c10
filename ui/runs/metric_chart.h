#pragma once

#include "common/chart_view.h"
#include "runs/metric_chart_data.h"

#include <memory>
#include <vector>

class QCPLayoutGrid;
class QCPTextElement;

namespace assay::ui {

// One metric across runs: a line per run in the run's colour (the raw line faint beneath
// the smoothed one when smoothing is on), the metric as title, a legend beside the plot,
// and a read-out of the nearest point (run, step or time, value). The lines arrive built
// (MetricChartData, made on a worker); this only swaps them in and replots.
// Compact charts are the small multiples of the grid: no legend, no zoom or pan (the
// wheel scrolls the grid), and a click emits clicked().
class MetricChart : public ChartView {
    Q_OBJECT
public:
    explicit MetricChart(QWidget *parent = nullptr);

    void setChartData(std::shared_ptr<const MetricChartData> chartData);
    const std::shared_ptr<const MetricChartData> &chartData() const { return m_data; }
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    // The line a run is read by: its smoothed line when smoothing is on, else the raw one.
    QCPGraph *mainLineOf(const QString &runId) const;
    // The read-out for the point nearest to plot coordinates (key, value); empty when no
    // point is near.
    QString readoutAt(double key, double value) const;
    // The plotted numbers: run, run id, x, value (and smoothed value when smoothing).
    CsvTable csvTable() const;

signals:
    void clicked(const QString &key);

protected:
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    void fitTickCounts();
    void configureAxes(const MetricChartOptions &options);
    void addRunLines(const RunSeries &series, bool smoothing);
    void fitLegend();

    std::shared_ptr<const MetricChartData> m_data;
    std::vector<QCPGraph *> m_mainLines; // one per series of m_data
    QCPTextElement *m_title;
    QCPLayoutGrid *m_legendColumn; // the legend at the top right, beside the plot
    bool m_compact = false;
    QPoint m_pressPosition;
};

} // namespace assay::ui
