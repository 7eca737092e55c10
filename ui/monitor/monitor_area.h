#pragma once

#include "monitor/monitor_snapshot.h"
#include "shell/area.h"

#include <QPointer>

#include <memory>
#include <optional>

class QComboBox;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace assay::ui {

class EmptyState;
class Job;
class MonitorDashboard;
class MonitorListPanel;

// The Monitor area: the workspace's monitors on the left (model, rows, windows, alerts), the
// selected one's dashboard on the right. The toolbar picks the window (the monitor's own, or
// hour/day/week/rows:N), ingests logs in the background and refreshes. Every monitor is
// evaluated on the job runner (evaluateMonitor caches its report until new rows arrive).
class MonitorArea : public Area {
    Q_OBJECT
public:
    MonitorArea(const AreaContext &context, QWidget *parent);
    ~MonitorArea() override;

    QString id() const override { return QStringLiteral("monitor"); }
    QString title() const override { return tr("Monitor"); }
    QIcon icon() const override;
    QWidget *widget() override;
    // "monitor" shows the overview, "monitor-alerts" the alerts, "monitor-drift" the drift of
    // the latest drifted window against the reference.
    static QStringList viewNames();
    bool showView(const QString &view) override;
    // Selects the monitor `name`.
    bool openItem(const QString &name) override;

    void setWorkspace(std::shared_ptr<WorkspaceSession> session) override;
    void focusFilter() override;
    void refresh() override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

    // Evaluates with `spec` ("week", "rows:5000"; "" = each monitor's own) and shows it.
    bool setWindow(const QString &spec);
    // Ingests `files` into `monitor` (configured for `model` first when it does not exist yet)
    // on the job runner, then reloads. Ingest Logs… asks for both and calls this.
    Job *ingest(const QStringList &files, const QString &monitor, const QString &model = {});
    void ingestWithDialog();

    bool isLoaded() const { return m_loaded; }
    bool isEmpty() const;
    MonitorListPanel *list() const { return m_list; }
    MonitorDashboard *dashboard() const { return m_dashboard; }
    EmptyState *emptyState() const { return m_empty; }
    QComboBox *windowPicker() const { return m_windowPicker; }
    QString currentCommandLine() const;

signals:
    void loaded();
    void ingested(const QString &summary);

private:
    void reload();
    void showSnapshot(MonitorSnapshot snapshot);
    void showSelected();
    void applyPendingView();

    AreaContext m_context;
    std::shared_ptr<WorkspaceSession> m_session;
    std::shared_ptr<const MonitorSnapshot> m_snapshot;
    QWidget *m_root;
    QComboBox *m_windowPicker;
    QPushButton *m_ingestButton;
    QPushButton *m_refreshButton;
    QPushButton *m_copyCommand;
    QStackedWidget *m_stack;
    EmptyState *m_loading;
    EmptyState *m_empty;
    QSplitter *m_splitter;
    MonitorListPanel *m_list;
    MonitorDashboard *m_dashboard;
    QPointer<Job> m_reloadJob;
    QPointer<Job> m_ingestJob;
    bool m_reloadAgain = false;
    bool m_loaded = false;
    quint64 m_generation = 0;
    std::optional<monitor::WindowSpec> m_window;
    QString m_pendingView;
};

} // namespace assay::ui
