#include "explain/explain_area.h"

#include "common/empty_state.h"
#include "common/icons.h"
#include "common/table_actions.h"
#include "explain/explain_command_line.h"
#include "explain/explain_dialog.h"
#include "explain/explain_sources.h"
#include "explain/explanation_computation.h"
#include "explain/explanation_detail_panel.h"
#include "explain/explanation_list_model.h"
#include "explain/explanation_list_panel.h"
#include "explain/explanation_loader.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <optional>

namespace assay::ui {

namespace {

using Tab = ExplanationDetailPanel::Tab;

const auto splitterKey = QStringLiteral("splitter");
const auto tabKey = QStringLiteral("tab");

std::optional<Tab> tabOfView(const QString &view)
{
    if (view == QLatin1String("explain") || view == QLatin1String("explain-summary"))
        return Tab::Summary;
    if (view == QLatin1String("explain-dependence"))
        return Tab::Dependence;
    if (view == QLatin1String("explain-local"))
        return Tab::Local;
    if (view == QLatin1String("explain-pdp"))
        return Tab::PartialDependence;
    if (view == QLatin1String("explain-permutation"))
        return Tab::Permutation;
    return std::nullopt;
}

} // namespace

ExplainArea::ExplainArea(const AreaContext &context, QWidget *parent)
    : Area(parent), m_context(context), m_root(new QWidget(parent)),
      m_stack(new QStackedWidget(m_root)), m_splitter(new QSplitter(Qt::Horizontal, m_stack)),
      m_list(new ExplanationListPanel(m_splitter)),
      m_details(new ExplanationDetailPanel(m_splitter)), m_empty(new EmptyState(m_stack)),
      m_explain(new QPushButton(workbenchIcon(QStringLiteral("explain")), tr("Explain…"), m_root)),
      m_copyCommand(new QPushButton(tr("Copy as Command"), m_root)),
      m_currentPause(new QTimer(this))
{
    m_root->setObjectName(QStringLiteral("explainArea"));
    auto *layout = new QVBoxLayout(m_root);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(4);
    auto *toolbar = new QHBoxLayout;
    m_copyCommand->setToolTip(
        tr("Copy the `assay explain` command that computes this explanation"));
    m_copyCommand->setEnabled(false);
    m_explain->setToolTip(tr("Explain a model: SHAP, LIME, permutation importance or partial "
                             "dependence, computed in the background"));
    m_explain->setObjectName(QStringLiteral("explainButton"));
    toolbar->addWidget(m_explain);
    toolbar->addWidget(m_copyCommand);
    toolbar->addStretch(1);
    layout->addLayout(toolbar);
    layout->addWidget(m_stack, 1);
    connect(m_copyCommand, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(currentCommandLine()); });
    connect(m_explain, &QPushButton::clicked, this, [this] { openExplainDialog(); });
    if (m_context.jobs) {
        m_computation = new ExplanationComputation(*m_context.jobs, this);
        connect(m_computation, &ExplanationComputation::finished, this, &ExplainArea::showComputed);
        connect(m_computation, &ExplanationComputation::failed, this, &ExplainArea::showFailure);
    }

    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({380, 1000});
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_empty);
    connect(m_empty->addButton(tr("Explain a Model…")), &QPushButton::clicked, this,
            [this] { openExplainDialog(); });
    connect(m_empty->addButton(tr("Refresh")), &QPushButton::clicked, this, &ExplainArea::refresh);

    m_currentPause->setSingleShot(true);
    m_currentPause->setInterval(120); // arrow keys through the list: load where they stop
    connect(m_list, &ExplanationListPanel::currentChanged, m_currentPause,
            qOverload<>(&QTimer::start));
    connect(m_list, &ExplanationListPanel::currentChanged, this,
            [this](const QString &key) { m_copyCommand->setEnabled(!key.isEmpty()); });
    connect(m_currentPause, &QTimer::timeout, this, [this] { showExplanation(m_list->current()); });
}

ExplainArea::~ExplainArea() = default;

QIcon ExplainArea::icon() const
{
    return workbenchIcon(QStringLiteral("explain"));
}

QWidget *ExplainArea::widget()
{
    return m_root;
}

bool ExplainArea::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QStringList ExplainArea::viewNames()
{
    return {QStringLiteral("explain-summary"),     QStringLiteral("explain-dependence"),
            QStringLiteral("explain-local"),       QStringLiteral("explain-pdp"),
            QStringLiteral("explain-permutation"), QStringLiteral("explain-dialog")};
}

QString ExplainArea::currentCommandLine() const
{
    const explain::ExplanationEntry *entry = m_list->model()->entryOf(m_list->current());
    return entry ? explainCommandLine(*entry) : QString();
}

bool ExplainArea::showView(const QString &view)
{
    if (view == QLatin1String("explain-dialog"))
        return true; // the workbench renders the dialog itself
    const auto tab = tabOfView(view);
    if (!tab)
        return false;
    m_details->setCurrentTab(*tab);
    m_pendingView = view;
    if (m_loaded)
        selectPending();
    return true;
}

bool ExplainArea::openItem(const QString &key)
{
    if (key.startsWith(modelItem({}))) {
        openExplainDialog(key.mid(modelItem({}).size()));
        return true;
    }
    m_pendingKey = key;
    m_pendingView.clear();
    if (!m_loaded)
        return true;
    const bool found = m_list->model()->rowOf(key) >= 0;
    selectPending();
    return found;
}

ExplainDialog *ExplainArea::explainDialog() const
{
    return m_explainDialog;
}

void ExplainArea::openExplainDialog(const QString &runId)
{
    if (!m_session || !m_computation)
        return;
    if (!m_explainDialog) {
        m_explainDialog = new ExplainDialog(m_session, *m_context.jobs, m_root);
        m_explainDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_explainDialog, &ExplainDialog::explainRequested, this,
                [this](const ExplainChoice &choice, std::shared_ptr<const ExplainSources> sources) {
                    m_lastError.clear();
                    if (!m_computation->start(m_session->root(), choice, std::move(sources)))
                        showFailure(tr("An explanation is being computed; wait for it or cancel "
                                       "it in the status bar."));
                });
        const explain::ExplanationEntry *entry = m_list->model()->entryOf(m_list->current());
        if (!runId.isEmpty())
            m_explainDialog->preselect(runId, {}, std::nullopt);
        else if (entry)
            m_explainDialog->preselect(QString::fromStdString(entry->runId),
                                       QString::fromStdString(entry->dataName), entry->method);
    }
    m_explainDialog->show();
    m_explainDialog->raise();
    m_explainDialog->activateWindow();
}

void ExplainArea::showComputed(const QString &key)
{
    m_pendingKey = key;
    m_pendingView.clear();
    if (m_reloadJob)
        m_reloadAgain = true; // what is being read may predate the save
    else
        reload();
}

void ExplainArea::showFailure(const QString &message)
{
    m_lastError = message;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Explain"),
                                tr("The explanation could not be computed:\n%1").arg(message),
                                QMessageBox::Ok, m_root);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

QString ExplainArea::explanationForView(const QString &view) const
{
    const auto tab = tabOfView(view).value_or(Tab::Summary);
    const auto &entries = m_list->model()->entries();
    // The Local view reads best with a SHAP waterfall, so LIME only when there is no SHAP.
    const auto preferred = [tab](const explain::ExplanationEntry &entry) {
        return tab != Tab::Local || entry.method != explain::ExplainMethod::Lime;
    };
    const explain::ExplanationEntry *best = nullptr;
    for (const bool onlyPreferred : {true, false}) {
        for (const auto &entry : entries) {
            if (!ExplanationDetailPanel::methodHasTab(entry.method, tab) ||
                (onlyPreferred && !preferred(entry)))
                continue;
            // The most rows make the richest picture; the newest among equals.
            if (!best || entry.rows > best->rows ||
                (entry.rows == best->rows && entry.createdMs > best->createdMs))
                best = &entry;
        }
        if (best)
            break;
    }
    if (best)
        return QString::fromStdString(best->key);
    return entries.empty() ? QString() : QString::fromStdString(entries.front().key);
}

void ExplainArea::selectPending()
{
    QString key = m_pendingKey;
    if (key.isEmpty() && !m_pendingView.isEmpty())
        key = explanationForView(m_pendingView);
    m_pendingKey.clear();
    m_pendingView.clear();
    if (key.isEmpty() || !m_list->select(key))
        return;
    m_currentPause->stop(); // chosen by code: no pause, so a screenshot waits for the charts
    showExplanation(key);
}

void ExplainArea::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    if (m_reloadJob)
        m_reloadJob->cancel();
    if (m_loadJob)
        m_loadJob->cancel();
    ++m_generation;
    m_loaded = false;
    m_reloadAgain = false;
    m_shownKey.clear();
    m_session = std::move(session);
    if (m_explainDialog)
        m_explainDialog->close();
    m_list->setEntries({});
    m_details->showMessage(tr("No explanation selected"),
                           tr("Select an explanation in the list to look at it."));
    if (!m_session)
        return;
    m_empty->setContent(tr("Reading explanations"),
                        tr("Reading the workspace's explanation cache…"),
                        EmptyState::Tone::Waiting);
    m_empty->setProgress(-1);
    m_stack->setCurrentWidget(m_empty);
    reload();
}

void ExplainArea::focusFilter()
{
    m_list->focusFilter();
}

void ExplainArea::refresh()
{
    reload();
}

void ExplainArea::reload()
{
    if (!m_session || m_reloadJob)
        return;
    const std::filesystem::path root = m_session->root();
    const quint64 generation = m_generation;
    m_reloadJob = m_context.jobs->run(
        tr("Reading explanations"), this,
        [root](const Progress &) { return listExplanations(root); },
        [this, generation](Result<std::vector<explain::ExplanationEntry>> entries) {
            if (generation != m_generation)
                return;
            m_reloadJob = nullptr;
            if (m_reloadAgain) { // a save came in meanwhile: read again, show that
                m_reloadAgain = false;
                QTimer::singleShot(0, this, &ExplainArea::reload);
                return;
            }
            if (!entries.ok()) {
                if (entries.error().kind != ErrorKind::Cancelled) {
                    m_empty->setContent(tr("Cannot read the explanations"),
                                        QString::fromStdString(entries.error().message),
                                        EmptyState::Tone::Error);
                    m_stack->setCurrentWidget(m_empty);
                }
                return;
            }
            m_loaded = true;
            const bool empty = entries->empty();
            m_list->setEntries(std::move(*entries));
            if (empty) {
                m_empty->setContent(
                    tr("No explanations yet"),
                    tr("Explain a model here (Explain a Model…) or with `assay explain shap "
                       "--model RUN --data data/credit.csv` (or `lime`, `pdp`, `permutation`, "
                       "`kernel`); the result is cached in the workspace and appears here with "
                       "its SHAP summary, dependence plots and row-by-row waterfalls."));
                m_stack->setCurrentWidget(m_empty);
                m_pendingView.clear();
                return;
            }
            m_stack->setCurrentWidget(m_splitter);
            if (!m_pendingKey.isEmpty() || !m_pendingView.isEmpty())
                selectPending();
            else if (m_list->current().isEmpty())
                m_list->selectFirst();
        });
}

void ExplainArea::showExplanation(const QString &key)
{
    if (m_loadJob)
        m_loadJob->cancel();
    if (key.isEmpty() || !m_session) {
        m_shownKey.clear();
        m_details->showMessage(tr("No explanation selected"),
                               tr("Select an explanation in the list to look at it."));
        return;
    }
    if (key == m_shownKey)
        return;
    m_details->showMessage(tr("Reading the explanation"), tr("Reading %1…").arg(key.left(8)), true);
    const std::filesystem::path root = m_session->root();
    const quint64 generation = m_generation;
    m_loadJob = m_context.jobs->run(
        tr("Reading explanation %1").arg(key.left(8)), this,
        [root, id = key.toStdString()](const Progress &progress) {
            return loadExplanationBundle(root, id, progress);
        },
        [this, generation, key](Result<ExplanationBundle> bundle) {
            if (generation != m_generation || key != m_list->current())
                return;
            if (!bundle.ok()) {
                if (bundle.error().kind != ErrorKind::Cancelled)
                    m_details->showMessage(tr("Cannot read the explanation"),
                                           QString::fromStdString(bundle.error().message));
                return;
            }
            m_shownKey = key;
            m_details->showBundle(std::move(*bundle));
        });
}

void ExplainArea::saveState(QSettings &settings) const
{
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(tabKey, int(m_details->currentTab()));
    TableActions::saveAll(settings, m_root);
}

void ExplainArea::restoreState(QSettings &settings)
{
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    if (settings.contains(tabKey))
        m_details->setCurrentTab(Tab(settings.value(tabKey).toInt()));
    TableActions::restoreAll(settings, m_root);
}

} // namespace assay::ui
