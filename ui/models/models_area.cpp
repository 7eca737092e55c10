#include "models/models_area.h"

#include "common/empty_state.h"
#include "common/icons.h"
#include "common/table_actions.h"
#include "explain/explain_area.h"
#include "models/model_detail_panel.h"
#include "models/model_results_loader.h"
#include "models/models_list_model.h"
#include "models/models_list_panel.h"
#include "models/train_dialog.h"
#include "runs/run_palette.h"
#include "runs/run_store_watcher.h"
#include "runs/runs_snapshot.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace assay::ui {

namespace {

const auto splitterKey = QStringLiteral("splitter");
const auto tabKey = QStringLiteral("tab");

struct ModelsListing {
    RunsSnapshot snapshot; // for the run colours, shared with the Runs area
    std::vector<ModelRunSummary> models;
};

std::optional<ModelDetailPanel::Tab> tabOfView(const QString &view)
{
    if (view == QLatin1String("models"))
        return ModelDetailPanel::Tab::Metrics;
    if (view == QLatin1String("models-curves"))
        return ModelDetailPanel::Tab::Curves;
    if (view == QLatin1String("models-confusion"))
        return ModelDetailPanel::Tab::Confusion;
    if (view == QLatin1String("models-training"))
        return ModelDetailPanel::Tab::Training;
    if (view == QLatin1String("models-tests"))
        return ModelDetailPanel::Tab::Tests;
    return std::nullopt;
}

} // namespace

ModelsArea::ModelsArea(const AreaContext &context, QWidget *parent)
    : Area(parent), m_context(context), m_root(new QWidget(parent)),
      m_stack(new QStackedWidget(m_root)), m_splitter(new QSplitter(Qt::Horizontal, m_stack)),
      m_list(new ModelsListPanel(m_splitter)), m_details(new ModelDetailPanel(m_splitter)),
      m_empty(new EmptyState(m_stack)), m_watcher(new RunStoreWatcher(this)),
      m_currentPause(new QTimer(this))
{
    m_root->setObjectName(QStringLiteral("modelsArea"));
    auto *layout = new QVBoxLayout(m_root);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(4);
    auto *toolbar = new QHBoxLayout;
    auto *train = new QPushButton(workbenchIcon(QStringLiteral("models")), tr("Train…"), m_root);
    train->setToolTip(tr("Train a model on a dataset of the workspace; it is recorded as a run"));
    toolbar->addWidget(train);
    auto *explainModel =
        new QPushButton(workbenchIcon(QStringLiteral("explain")), tr("Explain…"), m_root);
    explainModel->setObjectName(QStringLiteral("explainModel"));
    explainModel->setToolTip(tr("Explain the selected model in the Explain area"));
    explainModel->setEnabled(false);
    toolbar->addWidget(explainModel);
    toolbar->addStretch(1);
    connect(explainModel, &QPushButton::clicked, this, [this] {
        if (!m_list->current().isEmpty())
            emit openRequested(QStringLiteral("explain"),
                               ExplainArea::modelItem(m_list->current()));
    });
    connect(m_list, &ModelsListPanel::currentChanged, explainModel,
            [explainModel](const QString &runId) { explainModel->setEnabled(!runId.isEmpty()); });
    layout->addLayout(toolbar);
    layout->addWidget(m_stack, 1);
    connect(train, &QPushButton::clicked, this, &ModelsArea::trainRequested);
    connect(this, &ModelsArea::trainRequested, this, &ModelsArea::openTrainDialog);

    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({540, 840});
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_empty);
    connect(m_empty->addButton(tr("Train a Model…")), &QPushButton::clicked, this,
            &ModelsArea::trainRequested);
    connect(m_empty->addButton(tr("Refresh")), &QPushButton::clicked, this, &ModelsArea::refresh);

    m_currentPause->setSingleShot(true);
    m_currentPause->setInterval(120); // arrow keys through the list: load the model they stop at
    connect(m_list, &ModelsListPanel::currentChanged, m_currentPause,
            qOverload<>(&QTimer::start));
    connect(m_currentPause, &QTimer::timeout, this, [this] { showModel(m_list->current()); });
    connect(m_watcher, &RunStoreWatcher::changed, this, &ModelsArea::reload);
}

ModelsArea::~ModelsArea() = default;

QIcon ModelsArea::icon() const
{
    return workbenchIcon(QStringLiteral("models"));
}

QWidget *ModelsArea::widget()
{
    return m_root;
}

bool ModelsArea::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QStringList ModelsArea::viewNames()
{
    return {QStringLiteral("models-curves"), QStringLiteral("models-confusion"),
            QStringLiteral("models-training"), QStringLiteral("models-tests"),
            QStringLiteral("models-train")};
}

void ModelsArea::openTrainDialog()
{
    if (!m_session || !m_context.jobs)
        return;
    if (!m_trainDialog) {
        m_trainDialog = new TrainDialog(m_session, *m_context.jobs, m_root);
        connect(m_trainDialog, &TrainDialog::runRecorded, this, &ModelsArea::reload);
        connect(m_trainDialog, &TrainDialog::runTrained, this,
                [this](const QString &runId) { openItem(runId); });
    }
    m_trainDialog->show();
    m_trainDialog->raise();
    m_trainDialog->activateWindow();
}

bool ModelsArea::showView(const QString &view)
{
    if (view == QLatin1String("models-train"))
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

bool ModelsArea::openItem(const QString &runId)
{
    m_pendingRun = runId;
    m_pendingView.clear();
    if (!m_loaded)
        return true; // decided once the list is read
    const bool found = m_list->model()->rowOf(runId) >= 0;
    selectPending();
    return found;
}

QString ModelsArea::modelForView(const QString &view) const
{
    const auto &models = m_list->model()->models();
    const auto wanted = [&view](const ModelRunSummary &model) {
        if (model.status != track::RunStatus::Finished)
            return false;
        if (view == QLatin1String("models-curves"))
            return model.task == QLatin1String("binary") ||
                   model.task == QLatin1String("regression");
        if (view == QLatin1String("models-confusion"))
            return model.task == QLatin1String("binary") ||
                   model.task == QLatin1String("multiclass");
        if (view == QLatin1String("models-training"))
            return model.hasRoundCurves;
        if (view == QLatin1String("models-tests"))
            return model.hasTests();
        return true;
    };
    // Some views read best with a particular kind of model: ROC curves of a classifier,
    // training curves with a validation line (a split, not the final fit of a CV).
    const auto preferred = [&view](const ModelRunSummary &model) {
        if (view == QLatin1String("models-curves"))
            return model.task == QLatin1String("binary");
        if (view == QLatin1String("models-training"))
            return model.folds == 0;
        if (view == QLatin1String("models"))
            return model.folds > 0; // the per-fold table with its mean ± std row
        return true;
    };
    for (const ModelRunSummary &model : models) {
        if (wanted(model) && preferred(model))
            return model.runId;
    }
    for (const ModelRunSummary &model : models) {
        if (wanted(model))
            return model.runId;
    }
    return models.empty() ? QString() : models.front().runId;
}

void ModelsArea::selectPending()
{
    QString runId = m_pendingRun;
    if (runId.isEmpty() && !m_pendingView.isEmpty())
        runId = modelForView(m_pendingView);
    m_pendingRun.clear();
    m_pendingView.clear();
    if (runId.isEmpty() || !m_list->select(runId))
        return;
    // Chosen by code, not by arrow keys: no pause, so a screenshot waits for the results.
    m_currentPause->stop();
    showModel(runId);
}

void ModelsArea::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    if (m_reloadJob)
        m_reloadJob->cancel();
    if (m_resultsJob)
        m_resultsJob->cancel();
    ++m_generation;
    m_loaded = false;
    m_session = std::move(session);
    if (m_trainDialog) {
        m_trainDialog->setWorkspace(m_session);
        if (!m_session)
            m_trainDialog->hide();
    }
    m_watcher->setDatabase(m_session ? &m_session->workspace().database() : nullptr);
    m_list->setModels({});
    m_details->showMessage(tr("No model selected"),
                           tr("Select a model in the list to see its results."));
    if (!m_session)
        return;
    m_empty->setContent(tr("Reading models"), tr("Reading the workspace's training runs…"),
                        EmptyState::Tone::Waiting);
    m_empty->setProgress(-1);
    m_stack->setCurrentWidget(m_empty);
    reload();
}

void ModelsArea::focusFilter()
{
    m_list->focusFilter();
}

void ModelsArea::refresh()
{
    reload();
}

void ModelsArea::reload()
{
    if (!m_session)
        return;
    if (m_reloadJob) {
        m_reloadAgain = true; // what is being read may predate the write
        return;
    }
    const std::filesystem::path root = m_session->root();
    const quint64 generation = m_generation;
    m_reloadJob = m_context.jobs->run(
        tr("Reading models"), this,
        [root](const Progress &) -> Result<ModelsListing> {
            auto snapshot = loadRunsSnapshot(root);
            if (!snapshot)
                return snapshot.error();
            ModelsListing listing;
            listing.models = summarizeModelRuns(snapshot->runs);
            listing.snapshot = std::move(*snapshot);
            return listing;
        },
        [this, generation](Result<ModelsListing> listing) {
            if (generation != m_generation)
                return;
            if (!listing.ok()) {
                if (listing.error().kind != ErrorKind::Cancelled) {
                    m_empty->setContent(tr("Cannot read the models"),
                                        QString::fromStdString(listing.error().message),
                                        EmptyState::Tone::Error);
                    m_stack->setCurrentWidget(m_empty);
                }
            } else {
                assignRunColors(listing->snapshot);
                showModels(std::move(listing->models));
            }
            if (m_reloadAgain) {
                m_reloadAgain = false;
                QTimer::singleShot(0, this, &ModelsArea::reload);
            }
        });
}

void ModelsArea::showModels(std::vector<ModelRunSummary> models)
{
    m_loaded = true;
    const QString shown = m_details->shownRunId();
    const bool empty = models.empty();
    m_list->setModels(std::move(models));
    if (empty) {
        m_empty->setContent(
            tr("No models yet"),
            tr("Train one with `assay train --data data/credit.csv --target default --model gbt` "
               "(add `--cv 5` to cross-validate); it is recorded as a run and appears here, with "
               "its metrics, curves and the results of `assay test`."));
        m_stack->setCurrentWidget(m_empty);
        m_pendingView.clear();
        return;
    }
    m_stack->setCurrentWidget(m_splitter);
    if (!m_pendingRun.isEmpty() || !m_pendingView.isEmpty()) {
        selectPending();
        return;
    }
    if (m_list->current().isEmpty())
        m_list->selectFirst();
    else if (m_list->current() == shown)
        showModel(shown); // it may have been tested or finished meanwhile
}

void ModelsArea::showModel(const QString &runId)
{
    if (m_resultsJob)
        m_resultsJob->cancel();
    if (runId.isEmpty() || !m_session) {
        m_details->showMessage(tr("No model selected"),
                               tr("Select a model in the list to see its results."));
        return;
    }
    if (runId != m_details->shownRunId())
        m_details->showMessage(tr("Reading the model"), tr("Reading run %1…").arg(runId.left(8)),
                               true);
    const std::filesystem::path root = m_session->root();
    const quint64 generation = m_generation;
    m_resultsJob = m_context.jobs->run(
        tr("Reading model %1").arg(runId.left(8)), this,
        [root, id = runId.toStdString()](const Progress &progress) {
            return loadModelResults(root, id, progress);
        },
        [this, generation, runId](Result<ModelResults> results) {
            if (generation != m_generation || runId != m_list->current())
                return;
            if (!results.ok()) {
                if (results.error().kind != ErrorKind::Cancelled)
                    m_details->showMessage(tr("Cannot read the model"),
                                           QString::fromStdString(results.error().message));
                return;
            }
            m_details->showResults(*results);
        });
}

void ModelsArea::saveState(QSettings &settings) const
{
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(tabKey, int(m_details->currentTab()));
    TableActions::saveAll(settings, m_root);
}

void ModelsArea::restoreState(QSettings &settings)
{
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    if (settings.contains(tabKey))
        m_details->setCurrentTab(ModelDetailPanel::Tab(settings.value(tabKey).toInt()));
    TableActions::restoreAll(settings, m_root);
}

} // namespace assay::ui
