#pragma once

#include "common/chart_view.h"
#include "monitor/monitor_report.h"

#include <memory>

namespace assay::ui {

// A chart over a monitor's windows: the x axis is the window's index, labelled with its start
// (a date for period windows, "#3" for row windows). A click (not a drag) on a window emits
// windowClicked with its index. Subclasses draw the report in showReport.
class WindowChart : public ChartView {
    Q_OBJECT
public:
    explicit WindowChart(QWidget *parent = nullptr);

    void setReport(std::shared_ptr<const monitor::MonitorReport> report);
    const monitor::MonitorReport *report() const { return m_report.get(); }
    const std::shared_ptr<const monitor::MonitorReport> &sharedReport() const { return m_report; }
    // Draws the report again (after a setting of the chart changed).
    void redraw();
    // The window under plot x coordinate `key`, or -1.
    int windowAt(double key) const;

signals:
    void windowClicked(int window);

protected:
    virtual void showReport() = 0;
    // Window labels on the x axis, the range one cell beyond each end.
    void setUpWindowAxis(QCPAxis *axis);
    // Red triangles at `value` over the windows that raised an alert (the rules on hover).
    void addAlertMarkers(double value, const QString &metricPrefix = {});
    // Moves the legend out of the data, into a row under the chart.
    void placeLegendBelow();
    // "2026-02-02 · 2,340 rows · 2 alerts: …", for hover read-outs.
    QString windowSummary(int window) const;

private:
    std::shared_ptr<const monitor::MonitorReport> m_report;
    QPoint m_pressPos;
};

// The label of window `index` of `report`: its start date (week, day), start hour, or "#N".
QString windowLabel(const monitor::MonitorReport &report, std::size_t index);
// The same, narrow enough for an axis tick: "Jan⏎5", "Jan 5⏎14:00", "#3".
QString windowTickLabel(const monitor::MonitorReport &report, std::size_t index);

} // namespace assay::ui
