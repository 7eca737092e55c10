#include "govern/govern_area.h"

#include "common/empty_state.h"
#include "common/icons.h"
#include "common/table_actions.h"
#include "govern/alias_dialog.h"
#include "govern/audit_view.h"
#include "govern/compliance_export.h"
#include "govern/governance_snapshot.h"
#include "govern/model_card_editor.h"
#include "govern/promote_dialog.h"
#include "govern/registered_models_model.h"
#include "govern/registry_detail_panel.h"
#include "govern/registry_list_panel.h"
#include "govern/users_view.h"
#include "runs/run_palette.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"

#include <QClipboard>
#include <QFileDialog>
#include <QMessageBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace assay::ui {

namespace {

const auto splitterKey = QStringLiteral("splitter");
const auto tabKey = QStringLiteral("tab");

std::optional<GovernArea::Tab> tabOfView(const QString &view)
{
    if (view == QLatin1String("govern") || view == QLatin1String("govern-registry"))
        return GovernArea::Tab::Registry;
    if (view == QLatin1String("govern-card"))
        return GovernArea::Tab::Card;
    if (view == QLatin1String("govern-audit"))
        return GovernArea::Tab::Audit;
    if (view == QLatin1String("govern-users"))
        return GovernArea::Tab::Users;
    return std::nullopt;
}

// Shell quoting for names in copied command lines.
QString quoted(const QString &word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.:/@+-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    return u'\'' + QString(word).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

} // namespace

GovernArea::GovernArea(const AreaContext &context, QWidget *parent)
    : Area(parent), m_context(context), m_root(new QWidget(parent)),
      m_copyCommand(new QPushButton(tr("Copy as Command"), m_root)),
      m_exportButton(new QPushButton(tr("Export Compliance Report…"), m_root)),
      m_stack(new QStackedWidget(m_root)), m_loading(new EmptyState(m_stack)),
      m_tabs(new QTabWidget(m_stack)), m_registryStack(new QStackedWidget),
      m_splitter(new QSplitter(Qt::Horizontal)), m_list(new RegistryListPanel(m_splitter)),
      m_detail(new RegistryDetailPanel(m_splitter)), m_registryEmpty(new EmptyState),
      m_card(new ModelCardEditor), m_audit(new AuditView), m_users(new UsersView)
{
    m_root->setObjectName(QStringLiteral("governArea"));
    auto *layout = new QVBoxLayout(m_root);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(4);
    auto *toolbar = new QHBoxLayout;
    m_copyCommand->setObjectName(QStringLiteral("copyCommand"));
    m_exportButton->setObjectName(QStringLiteral("exportReport"));
    m_exportButton->setToolTip(tr("Export the selected model version's compliance report (model "
                                  "card, data, metrics, explanations, fairness, approvals, audit "
                                  "excerpt) as PDF or HTML"));
    toolbar->addWidget(m_exportButton);
    toolbar->addWidget(m_copyCommand);
    toolbar->addStretch(1);
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        if (m_detail->currentVersion() > 0)
            exportReport(m_detail->currentVersion());
    });
    if (m_context.jobs) {
        m_export = new ComplianceExport(*m_context.jobs, this);
        connect(m_export, &ComplianceExport::finished, this,
                [this](const QString &file, const QString &summary) {
                    updateCommandButton();
                    reload(); // the export is in the audit log now
                    auto *box = new QMessageBox(QMessageBox::Information, tr("Compliance Report"),
                                                tr("Wrote %1\n%2").arg(file, summary),
                                                QMessageBox::Ok, m_root);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                });
        connect(m_export, &ComplianceExport::failed, this, [this](const QString &message) {
            updateCommandButton();
            reload(); // a refusal is in the audit log too
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Compliance Report"),
                                        tr("The report was not exported:\n%1").arg(message),
                                        QMessageBox::Ok, m_root);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    }
    layout->addLayout(toolbar);
    layout->addWidget(m_stack, 1);
    connect(m_copyCommand, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(currentCommandLine()); });

    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({500, 880});
    m_registryStack->addWidget(m_splitter);
    m_registryStack->addWidget(m_registryEmpty);
    m_registryEmpty->setContent(
        tr("No registered models yet"),
        tr("Register a trained model to give it a name, numbered versions and stages: `assay "
           "registry register credit-risk --run RUN`. Versions then move from staging to "
           "production through the promotion gate, and every move is kept here."));
    connect(m_registryEmpty->addButton(tr("Open Models")), &QPushButton::clicked, this,
            [this] { emit openRequested(QStringLiteral("models"), {}); });
    connect(m_registryEmpty->addButton(tr("Refresh")), &QPushButton::clicked, this,
            &GovernArea::refresh);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_registryStack, tr("Registry"));
    m_tabs->addTab(m_card, tr("Model Card"));
    m_tabs->addTab(m_audit, tr("Audit Log"));
    m_tabs->addTab(m_users, tr("Users"));
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_loading);
    connect(m_tabs, &QTabWidget::currentChanged, this, &GovernArea::updateCommandButton);

    connect(m_list, &RegistryListPanel::currentChanged, this, &GovernArea::showSelectedModel);
    connect(m_detail, &RegistryDetailPanel::promoteRequested, this,
            [this](int version) { openPromoteDialog(version); });
    connect(m_detail, &RegistryDetailPanel::aliasRequested, this, &GovernArea::openAliasDialog);
    connect(m_detail, &RegistryDetailPanel::exportRequested, this, &GovernArea::exportReport);
    connect(m_detail, &RegistryDetailPanel::currentVersionChanged, this,
            &GovernArea::updateCommandButton);
    connect(m_card, &ModelCardEditor::saved, this, &GovernArea::reload);
    connect(m_users, &UsersView::usersChanged, this, &GovernArea::reload);
    updateCommandButton();
}

GovernArea::~GovernArea() = default;

QIcon GovernArea::icon() const
{
    return workbenchIcon(QStringLiteral("govern"));
}

QWidget *GovernArea::widget()
{
    return m_root;
}

QStringList GovernArea::viewNames()
{
    return {QStringLiteral("govern-registry"), QStringLiteral("govern-card"),
            QStringLiteral("govern-audit"), QStringLiteral("govern-users")};
}

GovernArea::Tab GovernArea::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void GovernArea::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

bool GovernArea::isRegistryEmpty() const
{
    return m_registryStack->currentWidget() == m_registryEmpty;
}

bool GovernArea::showView(const QString &view)
{
    const auto tab = tabOfView(view);
    if (!tab)
        return false;
    setCurrentTab(*tab);
    return true;
}

bool GovernArea::openItem(const QString &name)
{
    setCurrentTab(Tab::Registry);
    if (!m_loaded) {
        m_pendingModel = name;
        return true;
    }
    return m_list->select(name);
}

void GovernArea::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    if (m_reloadJob)
        m_reloadJob->cancel();
    if (m_promoteDialog)
        m_promoteDialog->close();
    ++m_generation;
    m_loaded = false;
    m_reloadAgain = false;
    m_snapshot.reset();
    m_session = std::move(session);
    const std::filesystem::path root = m_session ? m_session->root() : std::filesystem::path();
    m_audit->setContext(m_context.jobs, root);
    m_users->setContext(m_context.jobs, root);
    m_card->setContext(m_context.jobs, root, false);
    m_card->setSubject({});
    m_list->setModels({});
    m_audit->setEntries({});
    if (!m_session)
        return;
    m_loading->setContent(tr("Reading governance"),
                          tr("Reading the registry, the audit log and the users…"),
                          EmptyState::Tone::Waiting);
    m_stack->setCurrentWidget(m_loading);
    reload();
}

void GovernArea::focusFilter()
{
    if (currentTab() == Tab::Audit)
        m_audit->focusFilter();
    else if (currentTab() == Tab::Registry)
        m_list->focusFilter();
}

void GovernArea::refresh()
{
    reload();
}

void GovernArea::reload()
{
    if (!m_session || !m_context.jobs)
        return;
    if (m_reloadJob) {
        m_reloadAgain = true; // what is being read may predate the change
        return;
    }
    const quint64 generation = m_generation;
    m_reloadJob = m_context.jobs->run(
        tr("Reading governance"), this,
        [root = m_session->root()](const Progress &) { return loadGovernanceSnapshot(root); },
        [this, generation](Result<GovernanceSnapshot> snapshot) {
            if (generation != m_generation)
                return;
            m_reloadJob = nullptr;
            if (m_reloadAgain) {
                m_reloadAgain = false;
                QTimer::singleShot(0, this, &GovernArea::reload);
                return;
            }
            if (!snapshot.ok()) {
                if (snapshot.error().kind != ErrorKind::Cancelled) {
                    m_loading->setContent(tr("Cannot read the governance records"),
                                          QString::fromStdString(snapshot.error().message),
                                          EmptyState::Tone::Error);
                    m_stack->setCurrentWidget(m_loading);
                }
                return;
            }
            showSnapshot(std::move(*snapshot));
        });
}

void GovernArea::showSnapshot(GovernanceSnapshot snapshot)
{
    m_loaded = true;
    assignRunColors(snapshot.runs);
    auto shared = std::make_shared<GovernanceSnapshot>(std::move(snapshot));
    m_snapshot = shared;
    m_stack->setCurrentWidget(m_tabs);
    m_card->setContext(m_context.jobs, m_session->root(), shared->accessControlOn());
    m_audit->setEntries(shared->audit);
    m_users->setUsers(shared->users, shared->me, QString::fromStdString(shared->sessionUser));
    m_registryStack->setCurrentWidget(shared->models.empty() ? static_cast<QWidget *>(m_registryEmpty)
                                                             : m_splitter);
    m_list->setModels(shared->models);
    if (!m_pendingModel.isEmpty()) {
        m_list->select(m_pendingModel);
        m_pendingModel.clear();
    }
    if (m_list->current().isEmpty())
        selectLikeliestModel();
    showSelectedModel();
}

void GovernArea::selectLikeliestModel()
{
    // The model someone governs: one in production, the most versions among those.
    const govern::RegisteredModel *best = nullptr;
    for (const govern::RegisteredModel &model : m_snapshot->models) {
        const auto rank = [](const govern::RegisteredModel &candidate) {
            return std::pair(productionVersion(candidate) != nullptr, candidate.versions.size());
        };
        if (!best || rank(model) > rank(*best))
            best = &model;
    }
    if (!best || !m_list->select(QString::fromStdString(best->name)))
        m_list->selectFirst();
}

void GovernArea::showSelectedModel()
{
    const QString name = m_list->current();
    const govern::RegisteredModel *model = m_snapshot ? m_snapshot->model(name.toStdString()) : nullptr;
    if (!model) {
        m_detail->showMessage(tr("No model selected"), tr("Select a registered model in the list."));
    } else {
        const auto history = m_snapshot->transitions.find(model->name);
        m_detail->showModel(*model, history == m_snapshot->transitions.end()
                                        ? std::vector<govern::Transition>{}
                                        : history->second);
    }
    if (name != m_card->subject() && m_card->maySwitch())
        m_card->setSubject(model ? name : QString());
    updateCommandButton();
}

PromoteDialog *GovernArea::openPromoteDialog(int version)
{
    const govern::RegisteredModel *model =
        m_snapshot ? m_snapshot->model(m_list->current().toStdString()) : nullptr;
    if (!model || !m_session || !m_context.jobs)
        return nullptr;
    const auto found = std::find_if(model->versions.begin(), model->versions.end(),
                                    [version](const auto &each) { return each.version == version; });
    if (found == model->versions.end())
        return nullptr;
    if (m_promoteDialog)
        m_promoteDialog->close();
    m_promoteDialog = new PromoteDialog(*m_context.jobs, m_session->root(), *found,
                                        m_snapshot->accessControlOn(), m_root);
    m_promoteDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_promoteDialog, &PromoteDialog::promoted, this, &GovernArea::reload);
    // A refused promotion is recorded too: show it in the history even when the dialog stays.
    connect(m_promoteDialog, &QDialog::finished, this, &GovernArea::reload);
    m_promoteDialog->open();
    return m_promoteDialog;
}

void GovernArea::exportReport(int version)
{
    if (!m_session || m_list->current().isEmpty())
        return;
    const QString suggested = QStringLiteral("%1/%2-v%3-compliance.pdf")
                                  .arg(m_session->rootPath(), m_list->current())
                                  .arg(version);
    const QString file = QFileDialog::getSaveFileName(
        m_root, tr("Export Compliance Report"), suggested,
        tr("PDF document (*.pdf);;HTML page (*.html)"));
    if (!file.isEmpty())
        exportReportTo(version, file);
}

bool GovernArea::exportReportTo(int version, const QString &file)
{
    if (!m_session || !m_export || m_list->current().isEmpty())
        return false;
    const QString model = QStringLiteral("%1:%2").arg(m_list->current()).arg(version);
    const bool started = m_export->start(m_session->root(), model, file.toStdString());
    updateCommandButton();
    return started;
}

PromoteDialog *GovernArea::promoteDialog() const
{
    return m_promoteDialog;
}

void GovernArea::openAliasDialog(int version)
{
    const govern::RegisteredModel *model =
        m_snapshot ? m_snapshot->model(m_list->current().toStdString()) : nullptr;
    if (!model || !m_session || !m_context.jobs)
        return;
    auto *dialog = new AliasDialog(*m_context.jobs, m_session->root(), *model, version,
                                   m_snapshot->accessControlOn(), m_root);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AliasDialog::aliasSet, this, &GovernArea::reload);
    dialog->open();
}

QString GovernArea::currentCommandLine() const
{
    switch (currentTab()) {
    case Tab::Registry:
        return m_list->current().isEmpty()
                   ? QString()
                   : QStringLiteral("assay registry show %1").arg(quoted(m_list->current()));
    case Tab::Audit:
        return QStringLiteral("assay audit verify");
    case Tab::Card:
    case Tab::Users:
        return {};
    }
    return {};
}

void GovernArea::updateCommandButton()
{
    const QString line = currentCommandLine();
    m_copyCommand->setEnabled(!line.isEmpty());
    m_copyCommand->setToolTip(line.isEmpty() ? tr("This view has no command-line equivalent")
                                             : tr("Copy `%1`").arg(line));
    const bool versionSelected = currentTab() == Tab::Registry && m_detail->currentVersion() > 0;
    m_exportButton->setEnabled(versionSelected && m_export && !m_export->isRunning());
    if (versionSelected)
        m_exportButton->setToolTip(
            tr("Export the compliance report of %1 v%2; the same as `%3`")
                .arg(m_list->current())
                .arg(m_detail->currentVersion())
                .arg(ComplianceExport::commandLine(
                    QStringLiteral("%1:%2").arg(quoted(m_list->current())).arg(m_detail->currentVersion()),
                    QStringLiteral("FILE.pdf"))));
}

void GovernArea::saveState(QSettings &settings) const
{
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(tabKey, int(currentTab()));
    TableActions::saveAll(settings, m_root);
}

void GovernArea::restoreState(QSettings &settings)
{
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    if (settings.contains(tabKey))
        setCurrentTab(Tab(settings.value(tabKey).toInt()));
    TableActions::restoreAll(settings, m_root);
}

} // namespace assay::ui
