#pragma once

#include "shell/area.h"

#include <QPointer>

#include <memory>
#include <optional>

class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace assay::ui {

class AuditView;
class ComplianceExport;
class EmptyState;
class Job;
class ModelCardEditor;
class PromoteDialog;
class RegistryDetailPanel;
class RegistryListPanel;
class UsersView;
struct GovernanceSnapshot;

// The Governance area: the model registry (registered models on the left; versions, stage
// history, Promote… and Set Alias… on the right), the selected model's card, the audit log
// with chain verification, and users and roles — one tab each. Everything is read in one
// snapshot on the job runner and reread after every change the area makes (and on F5).
class GovernArea : public Area {
    Q_OBJECT
public:
    enum class Tab { Registry, Card, Audit, Users };

    GovernArea(const AreaContext &context, QWidget *parent);
    ~GovernArea() override;

    QString id() const override { return QStringLiteral("govern"); }
    QString title() const override { return tr("Governance"); }
    QIcon icon() const override;
    QWidget *widget() override;
    // "govern" and "govern-registry" show the registry, "govern-card", "govern-audit" and
    // "govern-users" their tabs.
    static QStringList viewNames();
    bool showView(const QString &view) override;
    // Selects the registered model `name` in the registry.
    bool openItem(const QString &name) override;

    void setWorkspace(std::shared_ptr<WorkspaceSession> session) override;
    void focusFilter() override;
    void refresh() override;
    void saveState(QSettings &settings) const override;
    void restoreState(QSettings &settings) override;

    Tab currentTab() const;
    void setCurrentTab(Tab tab);
    RegistryListPanel *registryList() const { return m_list; }
    RegistryDetailPanel *registryDetail() const { return m_detail; }
    ModelCardEditor *cardEditor() const { return m_card; }
    AuditView *auditView() const { return m_audit; }
    UsersView *usersView() const { return m_users; }
    bool isLoaded() const { return m_loaded; }
    bool isRegistryEmpty() const;
    // The `assay …` line equivalent to what the current tab shows ("" when there is none).
    QString currentCommandLine() const;
    // Opens Promote… for `version` of the selected model; nullptr when none is selected.
    PromoteDialog *openPromoteDialog(int version);
    PromoteDialog *promoteDialog() const;
    // Export Compliance Report…: asks for a PDF or HTML file, then exports the report of
    // `version` of the selected model (exportReportTo without the dialog).
    void exportReport(int version);
    bool exportReportTo(int version, const QString &file);
    ComplianceExport *complianceExport() const { return m_export; }

private:
    void reload();
    void showSnapshot(GovernanceSnapshot snapshot);
    void showSelectedModel();
    void selectLikeliestModel();
    void openAliasDialog(int version);
    void updateCommandButton();

    AreaContext m_context;
    std::shared_ptr<WorkspaceSession> m_session;
    std::shared_ptr<const GovernanceSnapshot> m_snapshot;
    QWidget *m_root;
    QPushButton *m_copyCommand;
    QPushButton *m_exportButton;
    ComplianceExport *m_export = nullptr;
    QStackedWidget *m_stack;
    EmptyState *m_loading;
    QTabWidget *m_tabs;
    QStackedWidget *m_registryStack;
    QSplitter *m_splitter;
    RegistryListPanel *m_list;
    RegistryDetailPanel *m_detail;
    EmptyState *m_registryEmpty;
    ModelCardEditor *m_card;
    AuditView *m_audit;
    UsersView *m_users;
    QPointer<PromoteDialog> m_promoteDialog;
    QPointer<Job> m_reloadJob;
    bool m_reloadAgain = false;
    bool m_loaded = false;
    quint64 m_generation = 0;
    QString m_pendingModel;
};

} // namespace assay::ui
