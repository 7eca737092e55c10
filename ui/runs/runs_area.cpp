#include "runs/runs_area.h"

#include "common/csv_export.h"
#include "common/empty_state.h"
#include "common/icons.h"
#include "models/model_run_summary.h"
#include "runs/metric_charts_panel.h"
#include "runs/run_column_chooser.h"
#include "runs/run_comparison_panel.h"
#include "runs/run_details_panel.h"
#include "runs/run_filter_box.h"
#include "runs/run_marks_delegate.h"
#include "runs/run_palette.h"
#include "runs/run_store_watcher.h"
#include "runs/runs_snapshot.h"
#include "runs/runs_table_model.h"
#include "runs/runs_table_view.h"
#include "runs/runs_toolbar.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "track/mlflow_import.h"
#include "track/run_query.h"
#include "workspace/database.h"

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace assay::ui {

namespace {

const auto splitterKey = QStringLiteral("splitter");
const auto columnsKey = QStringLiteral("columns");
const auto sortColumnKey = QStringLiteral("sortColumn");
const auto sortDescendingKey = QStringLiteral("sortDescending");
const auto groupByKey = QStringLiteral("groupBy");
const auto showHiddenKey = QStringLiteral("showHidden");
const auto showDeletedKey = QStringLiteral("showDeleted");

std::filesystem::path databasePath(const std::filesystem::path &root)
{
    return root / ".assay" / "assay.db";
}

} // namespace

RunsArea::RunsArea(const AreaContext &context, QWidget *parent)
    : Area(parent), m_context(context), m_root(new QWidget(parent)),
      m_toolbar(new RunsToolbar(m_root)), m_stack(new QStackedWidget(m_root)),
      m_splitter(new QSplitter(Qt::Horizontal, m_stack)), m_model(new RunsTableModel(this)),
      m_table(new RunsTableView(m_model, m_splitter)), m_tabs(new QTabWidget(m_splitter)),
      m_charts(new MetricChartsPanel(m_tabs)), m_comparison(new RunComparisonPanel(m_tabs)),
      m_details(new RunDetailsPanel(m_tabs)), m_empty(new EmptyState(m_stack)),
      m_watcher(new RunStoreWatcher(this)), m_currentPause(new QTimer(this))
{
    m_root->setObjectName(QStringLiteral("runsArea"));
    auto *layout = new QVBoxLayout(m_root);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(4);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_stack, 1);

    m_tabs->setObjectName(QStringLiteral("runDetailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_charts, tr("Charts"));
    m_tabs->addTab(m_comparison, tr("Compare"));
    m_tabs->addTab(m_details, tr("Run"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({900, 400});
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_empty);

    connect(m_empty->addButton(tr("Import MLflow…")), &QPushButton::clicked, this,
            &RunsArea::chooseMlflowStore);
    connect(m_empty->addButton(tr("Refresh")), &QPushButton::clicked, this, &RunsArea::refresh);

    RunFilterBox *filter = m_toolbar->filterBox();
    connect(filter, &RunFilterBox::filterChanged, m_model, &RunsTableModel::setFilter);
    connect(m_toolbar, &RunsToolbar::experimentChanged, m_model, &RunsTableModel::setExperiment);
    connect(m_toolbar, &RunsToolbar::groupByChanged, this, [this](std::optional<RunColumn> column) {
        m_model->setGroupBy(std::move(column));
        m_table->fitMetricColumnsToGrouping();
        if (m_model->groupBy())
            m_table->expandToDepth(0);
    });
    connect(m_toolbar, &RunsToolbar::showHiddenToggled, m_model, &RunsTableModel::setShowHidden);
    connect(m_toolbar, &RunsToolbar::showDeletedToggled, m_model, &RunsTableModel::setShowDeleted);
    connect(m_toolbar, &RunsToolbar::columnsRequested, this, &RunsArea::chooseColumns);
    connect(m_toolbar, &RunsToolbar::importRequested, this, &RunsArea::chooseMlflowStore);
    connect(m_toolbar, &RunsToolbar::exportRequested, this, &RunsArea::exportCsv);
    connect(m_toolbar, &RunsToolbar::refreshRequested, this, &RunsArea::refresh);
    connect(m_model, &RunsTableModel::rowsRebuilt, this, &RunsArea::updateCounts);

    connect(m_table, &RunsTableView::selectedRunsChanged, this, [this](const QStringList &ids) {
        if (ids == m_lastSelection)
            return;
        m_lastSelection = ids;
        showSelectionInPanels();
        emit selectedRunsChanged(ids);
    });
    m_currentPause->setSingleShot(true);
    m_currentPause->setInterval(120); // arrow keys through the table: load the run they stop at
    connect(m_table, &RunsTableView::currentRunChanged, m_currentPause,
            qOverload<>(&QTimer::start));
    connect(m_currentPause, &QTimer::timeout, this,
            [this] { showCurrentRun(m_table->currentRunId()); });
    connect(m_table->marksDelegate(), &RunMarksDelegate::pinToggled, this, &RunsArea::togglePinned);
    connect(m_table->marksDelegate(), &RunMarksDelegate::hideToggled, this,
            &RunsArea::toggleHidden);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &RunsArea::showContextMenu);
    auto *exportAction = new QAction(tr("Export CSV…"), m_table);
    exportAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    exportAction->setShortcutContext(Qt::WidgetShortcut);
    connect(exportAction, &QAction::triggered, this, &RunsArea::exportCsv);
    m_table->addAction(exportAction);

    connect(m_watcher, &RunStoreWatcher::changed, this, &RunsArea::reload);
    connect(m_watcher, &RunStoreWatcher::ticked, m_model, &RunsTableModel::refreshRunningRows);
}

RunsArea::~RunsArea() = default;

QIcon RunsArea::icon() const
{
    return workbenchIcon(QStringLiteral("runs"));
}

QWidget *RunsArea::widget()
{
    return m_root;
}

bool RunsArea::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

std::shared_ptr<const RunsSnapshot> RunsArea::snapshot() const
{
    return m_model->snapshot();
}

std::filesystem::path RunsArea::workspaceRoot() const
{
    return m_session ? m_session->root() : std::filesystem::path();
}

QStringList RunsArea::selectedRunIds() const
{
    return m_table->selectedRunIds();
}

QStringList RunsArea::viewNames()
{
    return {QStringLiteral("runs-metrics"), QStringLiteral("runs-compare"),
            QStringLiteral("runs-details")};
}

void RunsArea::showSelectionInPanels()
{
    const auto shown = m_model->snapshot();
    m_charts->setRuns(shown, m_lastSelection);
    m_comparison->setRuns(shown, m_lastSelection);
}

bool RunsArea::showView(const QString &view)
{
    if (view == id() || view == QLatin1String("runs-metrics")) {
        m_tabs->setCurrentWidget(m_charts);
        m_charts->setMode(view == id() ? MetricChartsPanel::Mode::Single
                                       : MetricChartsPanel::Mode::Grid);
    } else if (view == QLatin1String("runs-compare")) {
        m_tabs->setCurrentWidget(m_comparison);
    } else if (view == QLatin1String("runs-details")) {
        m_tabs->setCurrentWidget(m_details);
    } else {
        return false;
    }
    m_pendingSelection = 6;
    if (m_model->snapshot() && m_model->runsShown() > 0) {
        showLargestExperiment();
        selectFirstRuns(m_pendingSelection);
    }
    return true;
}

void RunsArea::showLargestExperiment()
{
    const auto shown = m_model->snapshot();
    if (!shown || shown->experiments.size() < 2 || !m_toolbar->experiment().isEmpty())
        return;
    std::map<std::string, int> runsPerExperiment;
    for (const track::RunRecord &run : shown->runs)
        ++runsPerExperiment[run.info.experiment];
    const auto largest = std::max_element(
        runsPerExperiment.begin(), runsPerExperiment.end(),
        [](const auto &a, const auto &b) { return a.second < b.second; });
    QComboBox *picker = m_toolbar->experimentPicker();
    picker->setCurrentIndex(picker->findData(QString::fromStdString(largest->first)));
}

void RunsArea::selectFirstRuns(int count)
{
    m_pendingSelection = 0;
    QStringList ids;
    // Table order, top-level rows and the runs inside groups; nested runs stay folded.
    for (int row = 0; row < m_model->rowCount() && ids.size() < count; ++row) {
        const QModelIndex top = m_model->index(row, 0);
        const bool group = m_model->isGroup(top);
        const int members = group ? m_model->rowCount(top) : 1;
        for (int member = 0; member < members && ids.size() < count; ++member) {
            const QModelIndex index = group ? m_model->index(member, 0, top) : top;
            const track::RunRecord *run = m_model->run(index);
            if (run && run->info.status == track::RunStatus::Finished &&
                !index.data(RunsTableModel::HiddenRole).toBool())
                ids.append(QString::fromStdString(run->info.runId));
        }
    }
    m_table->selectRuns(ids);
    // Chosen by code, not by arrow keys: no pause, so a screenshot waits for the details.
    m_currentPause->stop();
    showCurrentRun(m_table->currentRunId());
}

void RunsArea::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    if (m_reloadJob)
        m_reloadJob->cancel();
    if (m_detailsJob)
        m_detailsJob->cancel();
    ++m_generation;
    m_session = std::move(session);
    m_charts->setSource(m_context.jobs, workspaceRoot());
    m_comparison->setSource(m_context.jobs, workspaceRoot());
    m_watcher->setDatabase(m_session ? &m_session->workspace().database() : nullptr);
    m_model->setSnapshot(nullptr);
    m_details->showMessage(tr("Select a run in the table to see everything it logged."));
    if (!m_session)
        return;
    const RunMarks marks = m_marks.marksOf(m_session->rootPath());
    m_model->setMarks(marks.pinned, marks.hidden);
    m_empty->setContent(tr("Reading runs"), tr("Reading every run of the workspace…"),
                        EmptyState::Tone::Waiting);
    m_empty->setProgress(-1);
    m_stack->setCurrentWidget(m_empty);
    reload();
}

void RunsArea::focusFilter()
{
    m_toolbar->filterBox()->setFocus(Qt::ShortcutFocusReason);
    m_toolbar->filterBox()->selectAll();
}

void RunsArea::refresh()
{
    reload();
}

void RunsArea::reload()
{
    if (!m_session)
        return;
    if (m_reloadJob) {
        m_reloadAgain = true; // the snapshot being read may predate the write
        return;
    }
    const std::filesystem::path root = m_session->root();
    const quint64 generation = m_generation;
    m_reloadJob = m_context.jobs->run(
        tr("Reading runs"), this, [root](const Progress &) { return loadRunsSnapshot(root); },
        [this, generation](Result<RunsSnapshot> loaded) {
            if (generation != m_generation)
                return;
            if (!loaded.ok()) {
                m_empty->setContent(tr("Cannot read the runs"),
                                    QString::fromStdString(loaded.error().message),
                                    EmptyState::Tone::Error);
                m_stack->setCurrentWidget(m_empty);
            } else {
                showSnapshot(std::make_shared<const RunsSnapshot>(std::move(*loaded)));
            }
            if (m_reloadAgain) {
                m_reloadAgain = false;
                QTimer::singleShot(0, this, &RunsArea::reload);
            }
        });
}

void RunsArea::showSnapshot(std::shared_ptr<const RunsSnapshot> snapshot)
{
    assignRunColors(*snapshot);
    if (snapshot->runs.empty()) {
        m_model->setSnapshot(std::move(snapshot));
        m_empty->setContent(tr("No runs yet"),
                            tr("Record one with `assay run -- python train.py` (params with "
                               "`--param k=v`, metrics with `assay log metric KEY VALUE` inside "
                               "the script), or import an MLflow store (an `mlruns/` folder or "
                               "`mlflow.db`). New runs appear here while they run."));
        m_stack->setCurrentWidget(m_empty);
        emit snapshotChanged();
        return;
    }
    m_toolbar->setSnapshot(*snapshot);
    m_model->setSnapshot(std::move(snapshot));
    m_stack->setCurrentWidget(m_splitter);
    updateCounts();
    if (m_pendingSelection > 0) {
        showLargestExperiment();
        selectFirstRuns(m_pendingSelection);
    } else if (m_table->selectedRunIds(true).isEmpty() && !m_table->currentIndex().isValid())
        m_table->selectRuns({m_model->index(0, 0).data(RunsTableModel::RunIdRole).toString()});
    // The shown run may have logged more meanwhile.
    if (!m_details->shownRunId().isEmpty())
        showCurrentRun(m_details->shownRunId());
    showSelectionInPanels(); // running runs have new points; names and metrics may change
    emit snapshotChanged();
}

void RunsArea::updateCounts()
{
    m_toolbar->setCounts(m_model->runsInScope(), m_model->runsShown());
}

void RunsArea::showCurrentRun(const QString &runId)
{
    if (m_detailsJob)
        m_detailsJob->cancel();
    if (runId.isEmpty() || !m_session)
        return;
    const std::filesystem::path root = m_session->root();
    const quint64 generation = m_generation;
    m_detailsJob = m_context.jobs->run(
        tr("Reading run %1").arg(runId.left(8)), this,
        [root, id = runId.toStdString()](const Progress &) -> Result<track::RunRecord> {
            // Its own connection: the session's database handle belongs to the GUI thread.
            auto database = workspace::Database::open(databasePath(root));
            if (!database)
                return database.error();
            return track::loadRun(**database, id);
        },
        [this, generation](Result<track::RunRecord> run) {
            if (generation != m_generation)
                return;
            if (!run.ok()) {
                if (run.error().kind != ErrorKind::Cancelled)
                    m_details->showMessage(QString::fromStdString(run.error().message));
                return;
            }
            m_details->showRun(*run);
        });
}

void RunsArea::chooseColumns()
{
    const auto snapshot = m_model->snapshot();
    if (!snapshot)
        return;
    auto *chooser = new RunColumnChooser(*snapshot, m_model->keyedColumns(), m_root);
    connect(chooser, &RunColumnChooser::columnsChanged, this,
            [this](const QList<RunColumn> &columns) { m_model->setKeyedColumns(columns); });
    connect(chooser, &RunColumnChooser::defaultRequested, this,
            [this] { m_model->setKeyedColumns(std::nullopt); });
    chooser->popUpBelow(m_toolbar->columnsButton());
}

void RunsArea::togglePinned(const QString &runId)
{
    m_model->setPinned(runId, !m_model->pinned().contains(runId));
    rememberMarks();
}

void RunsArea::toggleHidden(const QString &runId)
{
    m_model->setHidden(runId, !m_model->hidden().contains(runId));
    rememberMarks();
}

void RunsArea::rememberMarks()
{
    if (m_session)
        m_marks.setMarks(m_session->rootPath(), {m_model->pinned(), m_model->hidden()});
}

void RunsArea::showContextMenu(const QPoint &position)
{
    const QStringList ids = m_table->selectedRunIds(true);
    QMenu menu(m_table);
    if (!ids.isEmpty()) {
        const QString first = ids.first();
        const bool pin = !m_model->pinned().contains(first);
        menu.addAction(pin ? tr("Pin") : tr("Unpin"), this, [this, ids, pin] {
            for (const QString &id : ids)
                m_model->setPinned(id, pin);
            rememberMarks();
        });
        const bool hide = !m_model->hidden().contains(first);
        menu.addAction(hide ? tr("Hide") : tr("Show"), this, [this, ids, hide] {
            for (const QString &id : ids)
                m_model->setHidden(id, hide);
            rememberMarks();
        });
        menu.addSeparator();
    }
    for (QAction *action : m_table->actions())
        menu.addAction(action);
    if (!ids.isEmpty()) {
        menu.addAction(tr("Copy Run Id"), this,
                       [ids] { QApplication::clipboard()->setText(ids.join(u'\n')); });
        if (const track::RunRecord *run = m_model->snapshot()->find(ids.first());
            run && isModelRun(*run))
            menu.addAction(tr("Open in Models"), this, [this, id = ids.first()] {
                emit openRequested(QStringLiteral("models"), id);
            });
        menu.addSeparator();
        const track::RunRecord *run = m_model->snapshot()->find(ids.first());
        const bool restore = run && run->info.deleted;
        const bool one = ids.size() == 1;
        menu.addAction(restore ? (one ? tr("Restore Run") : tr("Restore %1 Runs").arg(ids.size()))
                               : (one ? tr("Delete Run…") : tr("Delete %1 Runs…").arg(ids.size())),
                       this, [this, ids, restore] {
                           if (!restore &&
                               QMessageBox::question(
                                   m_root, tr("Delete Runs"),
                                   tr("Delete %1? Deleted runs stay in the store: Show Deleted "
                                      "lists them again and Restore brings them back.")
                                       .arg(ids.size() == 1 ? tr("this run")
                                                            : tr("%1 runs").arg(ids.size()))) !=
                                   QMessageBox::Yes)
                               return;
                           setRunsDeleted(ids, !restore);
                       });
    }
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

void RunsArea::setRunsDeleted(const QStringList &runIds, bool deleted)
{
    if (!m_session)
        return;
    std::vector<std::string> ids;
    for (const QString &id : runIds)
        ids.push_back(id.toStdString());
    const std::filesystem::path root = m_session->root();
    m_context.jobs->run(
        deleted ? tr("Deleting runs") : tr("Restoring runs"), this,
        [root, ids, deleted](const Progress &) -> Status {
            auto database = workspace::Database::open(databasePath(root));
            if (!database)
                return database.error();
            for (const std::string &id : ids) {
                if (Status done = track::setRunDeleted(**database, id, deleted); !done)
                    return done;
            }
            return {};
        },
        [this](Status done) {
            if (!done.ok() && done.error().kind != ErrorKind::Cancelled)
                QMessageBox::warning(m_root, tr("Runs"),
                                     QString::fromStdString(done.error().message));
            reload();
        });
}

void RunsArea::chooseMlflowStore()
{
    const QString source = QFileDialog::getExistingDirectory(
        m_root,
        tr("Import MLflow Store — choose mlruns/ or the project folder holding it or mlflow.db"));
    if (!source.isEmpty())
        importMlflow(source);
}

void RunsArea::importMlflow(const QString &source)
{
    if (!m_session)
        return;
    const std::filesystem::path root = m_session->root();
    m_context.jobs->run(
        tr("Importing %1").arg(source), this,
        [root, path = std::filesystem::path(source.toStdString())](
            const Progress &progress) -> Result<track::MlflowImportReport> {
            auto database = workspace::Database::open(databasePath(root));
            if (!database)
                return database.error();
            return track::importMlflow(**database, path, progress);
        },
        [this, source](Result<track::MlflowImportReport> report) {
            if (!report.ok() && report.error().kind != ErrorKind::Cancelled)
                QMessageBox::warning(
                    m_root, tr("Import MLflow Store"),
                    tr("Could not import %1:\n%2")
                        .arg(source, QString::fromStdString(report.error().message)));
            reload();
        });
}

void RunsArea::exportCsv()
{
    if (!m_model->snapshot())
        return;
    const QString path =
        QFileDialog::getSaveFileName(m_root, tr("Export CSV"), QStringLiteral("runs.csv"),
                                     tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    m_context.jobs->run(
        tr("Exporting %1").arg(path), this,
        [path, table = m_table->exportTable()](const Progress &progress) {
            return saveCsv(path, table, progress);
        },
        [this, path](Status written) {
            if (!written.ok() && written.error().kind != ErrorKind::Cancelled)
                QMessageBox::warning(m_root, tr("Export CSV"),
                                     QString::fromStdString(written.error().message));
        });
}

void RunsArea::saveState(QSettings &settings) const
{
    settings.setValue(splitterKey, m_splitter->saveState());
    if (m_model->hasChosenColumns())
        settings.setValue(columnsKey, columnIds(m_model->keyedColumns()));
    else
        settings.remove(columnsKey);
    const auto sorted = m_model->sortColumn();
    settings.setValue(sortColumnKey, sorted ? sorted->id() : QString());
    settings.setValue(sortDescendingKey, m_model->sortOrder() == Qt::DescendingOrder);
    const auto grouped = m_toolbar->groupBy();
    settings.setValue(groupByKey, grouped ? grouped->id() : QString());
    settings.setValue(showHiddenKey, m_toolbar->showHiddenButton()->isChecked());
    settings.setValue(showDeletedKey, m_toolbar->showDeletedButton()->isChecked());
    m_marks.save(settings);
}

void RunsArea::restoreState(QSettings &settings)
{
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    if (settings.contains(columnsKey))
        m_model->setKeyedColumns(keyedColumnsFromIds(settings.value(columnsKey).toStringList()));
    m_model->sortBy(RunColumn::fromId(settings.value(sortColumnKey).toString()),
                    settings.value(sortDescendingKey).toBool() ? Qt::DescendingOrder
                                                               : Qt::AscendingOrder);
    if (const QString grouped = settings.value(groupByKey).toString(); !grouped.isEmpty())
        m_toolbar->setGroupBy(grouped);
    m_toolbar->showHiddenButton()->setChecked(settings.value(showHiddenKey).toBool());
    m_toolbar->showDeletedButton()->setChecked(settings.value(showDeletedKey).toBool());
    m_marks.restore(settings);
}

} // namespace assay::ui
