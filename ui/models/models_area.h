#pragma once

#include "models/model_run_summary.h"
#include "shell/area.h"

#include <QPointer>

#include <filesystem>
#include <memory>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace assay::ui {

class EmptyState;
class Job;
class ModelDetailPanel;
class ModelsListPanel;
class RunStoreWatcher;
class TrainDialog;

// The Models area: every trained model of the workspace (a run of `assay train`) in a
// sortable, filterable list on the left, its results on the right (metrics, curves,
// confusion matrix, training curves, model tests). The list is read on the job runner and
// reloaded when another process writes to the store; the selected model's results are read
// on the job runner too.
class ModelsArea : public Area {
    Q_OBJECT
public:
    ModelsArea(const AreaContext &context, QWidget *parent);
    ~ModelsArea() override;

    QString id() const override { return QStringLiteral("models"); }
    QString title() const override { return tr("Models"); }
    QIcon icon() const override;
    QWidget *widget() override;
    // "models" shows the Metrics tab, "models-curves", "models-confusion", "models-training"
    // and "models-tests" their tabs; each selects the newest model that has that tab.
    // "models-train" is the train dialog, rendered by the workbench's screenshot path.
    static QStringList viewNames();
    bool showView(const QString &view) override;
    // Selects the model run `runId` (once the list is read); false when it is not a model run.
    bool openItem(const QString &runId) override;

    void setWorkspace(std::shared_ptr<WorkspaceSession> session) override;
    void focusFilter() override;
    void refresh() override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

    ModelsListPanel *list() const { return m_list; }
    ModelDetailPanel *details() const { return m_details; }
    RunStoreWatcher *watcher() const { return m_watcher; }
    bool isShowingEmptyState() const;

signals:
    // The user asked to train a model (the train dialog connects here).
    void trainRequested();

private:
    void openTrainDialog();
    void reload();
    void showModels(std::vector<ModelRunSummary> models);
    void showModel(const QString &runId);
    void selectPending();
    // The newest model that has what `view` shows.
    QString modelForView(const QString &view) const;

    AreaContext m_context;
    std::shared_ptr<WorkspaceSession> m_session;
    QWidget *m_root;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    ModelsListPanel *m_list;
    ModelDetailPanel *m_details;
    EmptyState *m_empty;
    RunStoreWatcher *m_watcher;
    QTimer *m_currentPause;
    TrainDialog *m_trainDialog = nullptr; // made when first asked for
    QPointer<Job> m_reloadJob;
    QPointer<Job> m_resultsJob;
    bool m_reloadAgain = false;
    bool m_loaded = false;
    quint64 m_generation = 0;
    QString m_pendingView; // a --view waiting for the list
    QString m_pendingRun;  // openItem() waiting for the list
};

} // namespace assay::ui
