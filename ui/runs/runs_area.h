#pragma once

#include "runs/run_marks.h"
#include "shell/area.h"

#include <QPointer>
#include <QStringList>

#include <filesystem>
#include <memory>

class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace assay::ui {

class EmptyState;
class Job;
class MetricChartsPanel;
class RunComparisonPanel;
class RunDetailsPanel;
class RunStoreWatcher;
class RunsTableModel;
class RunsTableView;
class RunsToolbar;
struct RunsSnapshot;

// The Runs area: every run of the workspace in a lazy, sortable, filterable table on the
// left, details of the selection on the right (tabs). The snapshot of runs is read on the
// job runner and swapped in whole; a watcher reloads it when another process writes.
class RunsArea : public Area {
    Q_OBJECT
public:
    RunsArea(const AreaContext &context, QWidget *parent);
    ~RunsArea() override;

    QString id() const override { return QStringLiteral("runs"); }
    QString title() const override { return tr("Runs"); }
    QIcon icon() const override;
    QWidget *widget() override;
    // Each view selects the first finished runs once the table is loaded: "runs" charts a
    // metric across them, "runs-metrics" charts every metric, "runs-compare" compares them
    // and "runs-details" shows the first one.
    static QStringList viewNames();
    bool showView(const QString &view) override;

    void setWorkspace(std::shared_ptr<WorkspaceSession> session) override;
    void focusFilter() override;
    void refresh() override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

    // The tabs right of the table, for charts and comparison panels.
    QTabWidget *detailTabs() const { return m_tabs; }
    std::shared_ptr<const RunsSnapshot> snapshot() const;
    JobRunner *jobs() const { return m_context.jobs; }
    // Empty when no workspace is open.
    std::filesystem::path workspaceRoot() const;
    // The runs selected in the table, in table order, hidden runs left out.
    QStringList selectedRunIds() const;
    // Selects the first `count` finished runs the table lists (not hidden).
    void selectFirstRuns(int count);

    RunsToolbar *toolbar() const { return m_toolbar; }
    RunsTableView *table() const { return m_table; }
    RunsTableModel *model() const { return m_model; }
    RunDetailsPanel *runDetails() const { return m_details; }
    MetricChartsPanel *charts() const { return m_charts; }
    RunComparisonPanel *comparison() const { return m_comparison; }
    RunStoreWatcher *watcher() const { return m_watcher; }
    bool isShowingEmptyState() const;

    // Marks runs deleted (or restores them) on the job runner, then reloads.
    void setRunsDeleted(const QStringList &runIds, bool deleted);
    // Imports an MLflow file store or database on the job runner, then reloads.
    void importMlflow(const QString &source);
    void exportCsv();

signals:
    void selectedRunsChanged(const QStringList &runIds);
    // A new snapshot is shown (first load, refresh, or a write noticed by the watcher).
    void snapshotChanged();

private:
    void reload();
    void showSnapshot(std::shared_ptr<const RunsSnapshot> snapshot);
    void showCurrentRun(const QString &runId);
    void chooseColumns();
    void showContextMenu(const QPoint &position);
    void togglePinned(const QString &runId);
    void toggleHidden(const QString &runId);
    void rememberMarks();
    void chooseMlflowStore();
    void updateCounts();
    void showSelectionInPanels();
    // For the views: the experiment with the most runs, when every experiment is shown.
    void showLargestExperiment();

    AreaContext m_context;
    std::shared_ptr<WorkspaceSession> m_session;
    QWidget *m_root;
    RunsToolbar *m_toolbar;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    RunsTableModel *m_model;
    RunsTableView *m_table;
    QTabWidget *m_tabs;
    MetricChartsPanel *m_charts;
    RunComparisonPanel *m_comparison;
    RunDetailsPanel *m_details;
    EmptyState *m_empty;
    RunStoreWatcher *m_watcher;
    QTimer *m_currentPause;
    QPointer<Job> m_reloadJob;
    QPointer<Job> m_detailsJob;
    bool m_reloadAgain = false;
    quint64 m_generation = 0;
    int m_pendingSelection = 0; // selectFirstRuns() once the table has runs
    QStringList m_lastSelection;
    RunMarksByWorkspace m_marks;
};

} // namespace assay::ui
