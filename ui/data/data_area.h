#pragma once

#include "shell/area.h"
#include "version/dataset_history.h"
#include "workspace/dataset_catalog.h"

#include <QPointer>
#include <QVariantMap>

#include <memory>
#include <vector>

class QSplitter;
class QStackedWidget;

namespace assay::ui {

class DatasetListPanel;
class DatasetPane;
class EmptyState;
class Job;

// The Data area: the workspace's datasets on the left, the selected one on the right.
// Scanning the workspace and reading a table both run on the job runner.
class DataArea : public Area {
    Q_OBJECT
public:
    DataArea(const AreaContext &context, QWidget *parent);
    ~DataArea() override;

    QString id() const override { return QStringLiteral("data"); }
    QString title() const override { return tr("Data"); }
    QIcon icon() const override;
    QWidget *widget() override;
    // "data-history", "data-diff", "data-status": that tab of the first tracked dataset;
    // the diff compares its two latest versions.
    static QStringList viewNames();
    bool showView(const QString &view) override;

    void setWorkspace(std::shared_ptr<WorkspaceSession> session) override;
    void focusFilter() override;
    void refresh() override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

    DatasetListPanel *listPanel() const { return m_list; }
    DatasetPane *pane() const { return m_pane; }
    bool isShowingEmptyState() const;

private:
    void scan();
    void showDatasets(std::vector<workspace::DatasetEntry> datasets);
    void openDataset(const QString &relativePath);
    void load(const workspace::DatasetEntry &entry);
    void loadHistory(const workspace::DatasetEntry &entry);
    void showHistory(const workspace::DatasetEntry &entry,
                     std::vector<version::DatasetVersion> versions);
    bool selectFirstTracked();
    void checkStatus();
    void addToVersionControl(const QString &relativePath);
    void commitDataChanges(const QString &message);

    AreaContext m_context;
    std::shared_ptr<WorkspaceSession> m_session;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    DatasetListPanel *m_list;
    DatasetPane *m_pane;
    EmptyState *m_empty;
    QPointer<Job> m_scanJob;
    QPointer<Job> m_loadJob;
    QPointer<Job> m_historyJob;
    QPointer<Job> m_statusJob;
    // Set by showView(): which tab the first tracked dataset opens in, until it has.
    enum class PendingView { None, Profile, Schema, Drift, History, Diff, Status } m_pendingView = PendingView::None;
    quint64 m_loadGeneration = 0;
    bool m_reloadAfterScan = false;
    // Selected dataset per workspace root, kept across switches and restarts.
    QVariantMap m_selections;
};

} // namespace assay::ui
