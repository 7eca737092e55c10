#pragma once

#include "monitor/monitor_snapshot.h"

#include <QWidget>

#include <filesystem>
#include <memory>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;
class QSortFilterProxyModel;

namespace assay::ui {

class AlertsModel;
class DriftHeatmap;
class DriftShareChart;
class JobRunner;
class PerformanceChart;
class RowsChart;
class VerdictBanner;
class WindowDriftView;

// The right side of the Monitor area for one monitor: the overview (drift heatmap, drifted
// share over time, estimated versus realized performance, rows per window), the alerts, and
// the drift of one window against the reference. Clicking a window anywhere opens it.
class MonitorDashboard : public QWidget {
    Q_OBJECT
public:
    enum class Tab { Overview, Alerts, WindowDrift };

    explicit MonitorDashboard(QWidget *parent = nullptr);

    void setContext(JobRunner *jobs, std::filesystem::path root);
    void setEntry(const MonitorEntry *entry);
    const monitor::MonitorReport *report() const { return m_report.get(); }

    // Opens the drift of window `index` against the reference in the Window Drift tab.
    bool openWindow(int index);
    // The newest window whose dataset drifted, else the newest window; -1 when none.
    int latestDriftedWindow() const;

    Tab currentTab() const;
    void setCurrentTab(Tab tab);
    DriftHeatmap *heatmap() const { return m_heatmap; }
    DriftShareChart *driftShareChart() const { return m_driftShare; }
    PerformanceChart *performanceChart() const { return m_performance; }
    RowsChart *rowsChart() const { return m_rows; }
    QComboBox *metricPicker() const { return m_metricPicker; }
    AlertsModel *alertsModel() const { return m_alertsModel; }
    QTableView *alertsTable() const { return m_alertsTable; }
    WindowDriftView *windowDrift() const { return m_windowDrift; }
    VerdictBanner *banner() const { return m_banner; }

private:
    JobRunner *m_jobs = nullptr;
    std::filesystem::path m_root;
    QString m_monitor;
    std::shared_ptr<const monitor::MonitorReport> m_report;
    QLabel *m_summary;
    VerdictBanner *m_banner;
    QTabWidget *m_tabs;
    DriftHeatmap *m_heatmap;
    DriftShareChart *m_driftShare;
    PerformanceChart *m_performance;
    QComboBox *m_metricPicker;
    RowsChart *m_rows;
    AlertsModel *m_alertsModel;
    QSortFilterProxyModel *m_alertsProxy;
    QTableView *m_alertsTable;
    WindowDriftView *m_windowDrift;
};

} // namespace assay::ui
