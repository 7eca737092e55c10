#pragma once

#include "shell/area.h"

#include <QPointer>

#include <memory>

class QPushButton;
class QSplitter;
class QStackedWidget;
class QTimer;

namespace assay::ui {

class EmptyState;
class ExplainDialog;
class ExplanationComputation;
class ExplanationDetailPanel;
class ExplanationListPanel;
class Job;
struct ExplanationBundle;

// The Explain area: the workspace's cached explanations (`assay explain ...`) in a list
// grouped by model on the left, the selected one's charts on the right — SHAP summary,
// dependence and local waterfalls (with LIME beside them), partial dependence, permutation
// importance. The list and the documents are read on the job runner. "Explain…" computes a new
// one in the background (ExplainDialog, then ExplanationComputation) and selects it when it is
// saved. "Copy as command" puts the equivalent `assay explain` line on the clipboard.
class ExplainArea : public Area {
    Q_OBJECT
public:
    ExplainArea(const AreaContext &context, QWidget *parent);
    ~ExplainArea() override;

    QString id() const override { return QStringLiteral("explain"); }
    QString title() const override { return tr("Explain"); }
    QIcon icon() const override;
    QWidget *widget() override;
    // "explain" and "explain-summary" show the Summary tab, "explain-dependence",
    // "explain-local", "explain-pdp" and "explain-permutation" theirs; each selects the newest
    // explanation that has that tab. "explain-dialog" is Explain…, rendered by the workbench's
    // screenshot path.
    static QStringList viewNames();
    bool showView(const QString &view) override;
    // Selects the explanation with cache key `key`; "model:RUN" opens Explain… on that model.
    bool openItem(const QString &key) override;
    static QString modelItem(const QString &runId) { return QStringLiteral("model:") + runId; }

    void setWorkspace(std::shared_ptr<WorkspaceSession> session) override;
    void focusFilter() override;
    void refresh() override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

    ExplanationListPanel *list() const { return m_list; }
    ExplanationDetailPanel *details() const { return m_details; }
    bool isShowingEmptyState() const;
    // The command line of the selected explanation ("" when none is selected).
    QString currentCommandLine() const;

    // Opens Explain… with the model (else the selected explanation's model, data and method)
    // preselected.
    void openExplainDialog(const QString &runId = {});
    ExplainDialog *explainDialog() const;
    ExplanationComputation *computation() const { return m_computation; }
    // The last computation's error, as the message box showed it ("" after a success).
    const QString &lastError() const { return m_lastError; }

private:
    void reload();
    void showExplanation(const QString &key);
    void selectPending();
    void showComputed(const QString &key);
    void showFailure(const QString &message);
    QString explanationForView(const QString &view) const;

    AreaContext m_context;
    std::shared_ptr<WorkspaceSession> m_session;
    QWidget *m_root;
    QStackedWidget *m_stack;
    QSplitter *m_splitter;
    ExplanationListPanel *m_list;
    ExplanationDetailPanel *m_details;
    EmptyState *m_empty;
    QPushButton *m_explain;
    QPushButton *m_copyCommand;
    QPointer<ExplainDialog> m_explainDialog;
    ExplanationComputation *m_computation = nullptr;
    QString m_lastError;
    bool m_reloadAgain = false;
    QTimer *m_currentPause;
    QPointer<Job> m_reloadJob;
    QPointer<Job> m_loadJob;
    QString m_shownKey;
    bool m_loaded = false;
    quint64 m_generation = 0;
    QString m_pendingView;
    QString m_pendingKey;
};

} // namespace assay::ui
