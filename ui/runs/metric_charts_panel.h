#pragma once

#include "runs/metric_chart_data.h"
#include "runs/metric_chart_loader.h"
#include "runs/metric_history_cache.h"
#include "runs/runs_snapshot.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <filesystem>
#include <memory>

class QLabel;
class QStackedWidget;

namespace assay::ui {

class EmptyState;
class Job;
class JobRunner;
class MetricChart;
class MetricChartControls;
class MetricChartGrid;

// The Charts tab of the Runs area: one metric across the runs chosen in the table, or all
// of their metrics as small multiples. Histories are read and the lines built on a worker
// (JobRunner); each (run, key) is read once, except runs still running, read again on
// every setRuns. Loads when shown, not while another tab is in front.
class MetricChartsPanel : public QWidget {
    Q_OBJECT
public:
    using Mode = MetricChartMode;

    explicit MetricChartsPanel(QWidget *parent = nullptr);
    ~MetricChartsPanel() override;

    void setSource(JobRunner *jobs, std::filesystem::path workspaceRoot);
    // The runs chosen in the runs table, in table order; the snapshot gives names, status,
    // latest metrics.
    void setRuns(std::shared_ptr<const RunsSnapshot> snapshot, QStringList runIds);
    // Single: one metric across the runs; Grid: every metric of the runs.
    void setMode(Mode mode);
    Mode mode() const;
    // Charts `key` in single mode (when the runs have it).
    void setMetric(const QString &key);
    QString metric() const;
    void setOptions(const MetricChartOptions &options);
    MetricChartOptions options() const;

    // Whether charts (not a message) are in front.
    bool isShowingCharts() const;
    MetricChart *chart() const { return m_chart; }
    MetricChartGrid *grid() const { return m_grid; }
    MetricChartControls *controls() const { return m_controls; }
    EmptyState *message() const { return m_message; }
    QString notice() const;

signals:
    void modeChanged(assay::ui::MetricChartsPanel::Mode mode);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    std::vector<MetricChartRequest> requests() const;
    void showCharts(MetricChartsResult result);
    void showNotice(const std::vector<MetricChartData> &charts);
    void showMessage(const QString &title, const QString &body);

    JobRunner *m_jobs = nullptr;
    std::filesystem::path m_root;
    std::shared_ptr<const RunsSnapshot> m_snapshot;
    QStringList m_runIds;
    QStringList m_keys;
    MetricHistoryCache m_cache;
    QPointer<Job> m_job;
    quint64 m_generation = 0;
    bool m_stale = false;

    MetricChartControls *m_controls;
    QLabel *m_notice;
    QStackedWidget *m_stack;
    EmptyState *m_message;
    MetricChart *m_chart;
    MetricChartGrid *m_grid;
};

} // namespace assay::ui
