#include "data/data_area.h"

#include "common/empty_state.h"
#include "common/icons.h"
#include "common/table_actions.h"
#include "data/dataset_list_model.h"
#include "data/dataset_list_panel.h"
#include "data/dataset_pane.h"
#include "data/diff_view.h"
#include "data/history_view.h"
#include "data/profile_view.h"
#include "data/schema_view.h"
#include "data/drift_view.h"
#include "data/status_view.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"
#include "table/reader.h"
#include "version/data_commit.h"
#include "version/data_status.h"
#include "workspace/database.h"
#include "version/dvc_add.h"

#include <QDesktopServices>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QUrl>

namespace assay::ui {

namespace {
const auto splitterKey = QStringLiteral("splitter");
const auto selectionsKey = QStringLiteral("selectedDatasets");
} // namespace

DataArea::DataArea(const AreaContext &context, QWidget *parent)
    : Area(parent), m_context(context), m_stack(new QStackedWidget(parent)),
      m_splitter(new QSplitter(Qt::Horizontal, m_stack)), m_list(new DatasetListPanel(m_splitter)),
      m_pane(new DatasetPane(m_splitter)), m_empty(new EmptyState(m_stack))
{
    m_stack->setObjectName(QStringLiteral("dataArea"));
    m_stack->setContentsMargins(8, 8, 8, 4);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_pane);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({300, 900});
    m_stack->addWidget(m_splitter);
    m_stack->addWidget(m_empty);

    m_empty->setContent(tr("No datasets yet"),
                        tr("`assay data add FILE` tracks a CSV, TSV or JSON Lines file in this "
                           "workspace; files you copy into the folder are listed too.\n"
                           "Press F5 to look again."));
    connect(m_empty->addButton(tr("Refresh")), &QPushButton::clicked, this, &DataArea::refresh);
    connect(m_empty->addButton(tr("Open Folder")), &QPushButton::clicked, this, [this] {
        if (m_session)
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_session->rootPath()));
    });

    m_pane->showMessage(tr("No dataset selected"), tr("Choose a dataset in the list."));
    connect(m_list, &DatasetListPanel::currentDatasetChanged, this, &DataArea::openDataset);
    m_pane->diffView()->setJobRunner(context.jobs);
    m_pane->profileView()->setJobRunner(context.jobs);
    m_pane->schemaView()->setJobRunner(context.jobs);
    m_pane->driftView()->setJobRunner(context.jobs);
    m_pane->setJobRunner(context.jobs);
    connect(m_pane->historyView(), &HistoryView::compareRequested, this,
            [this](const QString &older, const QString &newer) {
                if (m_pane->diffView()->compare(older, newer))
                    m_pane->showTab(DatasetPane::Tab::Diff);
            });
    StatusView *status = m_pane->statusView();
    connect(status, &StatusView::addRequested, this, &DataArea::addToVersionControl);
    connect(status, &StatusView::commitRequested, this, &DataArea::commitDataChanges);
    connect(status, &StatusView::refreshRequested, this, &DataArea::refresh);
}

QStringList DataArea::viewNames()
{
    return {QStringLiteral("data-profile"), QStringLiteral("data-schema"), QStringLiteral("data-drift"),
            QStringLiteral("data-history"),
            QStringLiteral("data-diff"), QStringLiteral("data-status")};
}

bool DataArea::showView(const QString &view)
{
    if (view == id()) {
        m_pendingView = PendingView::None;
        m_pane->showTab(DatasetPane::Tab::Table);
        return true;
    }
    if (!viewNames().contains(view))
        return false;
    if (view == QStringLiteral("data-diff")) {
        m_pendingView = PendingView::Diff;
        m_pane->showTab(DatasetPane::Tab::Diff);
    } else if (view == QStringLiteral("data-profile")) {
        m_pendingView = PendingView::Profile;
        m_pane->showTab(DatasetPane::Tab::Profile);
    } else if (view == QStringLiteral("data-schema")) {
        m_pendingView = PendingView::Schema;
        m_pane->showTab(DatasetPane::Tab::Schema);
    } else if (view == QStringLiteral("data-drift")) {
        m_pendingView = PendingView::Drift;
        m_pane->showTab(DatasetPane::Tab::Drift);
    } else if (view == QStringLiteral("data-status")) {
        m_pendingView = PendingView::Status;
        m_pane->showTab(DatasetPane::Tab::Status);
    } else {
        m_pendingView = PendingView::History;
        m_pane->showTab(DatasetPane::Tab::History);
    }
    // Already scanned: switch to the first tracked dataset now; else showDatasets() will.
    if (m_session && m_list->model()->rowCount() > 0)
        selectFirstTracked();
    return true;
}

bool DataArea::selectFirstTracked()
{
    for (const workspace::DatasetEntry &entry : m_list->model()->datasets()) {
        if (entry.tracked) {
            const QString path = QString::fromStdString(entry.relativePath);
            if (m_list->currentDataset() == path)
                openDataset(path);
            return m_list->selectDataset(path);
        }
    }
    m_pendingView = PendingView::None; // nothing tracked: the tab says how to track
    return false;
}

DataArea::~DataArea() = default;

QIcon DataArea::icon() const
{
    return workbenchIcon(QStringLiteral("data"));
}

QWidget *DataArea::widget()
{
    return m_stack;
}

bool DataArea::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void DataArea::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    if (m_scanJob)
        m_scanJob->cancel();
    if (m_loadJob)
        m_loadJob->cancel();
    if (m_historyJob)
        m_historyJob->cancel();
    if (m_statusJob)
        m_statusJob->cancel();
    ++m_loadGeneration;
    m_session = std::move(session);
    m_list->setDatasets({});
    m_pane->showMessage(tr("No dataset selected"), tr("Choose a dataset in the list."));
    if (m_session)
        scan();
}

void DataArea::focusFilter()
{
    m_list->focusFilter();
}

void DataArea::refresh()
{
    if (!m_session)
        return;
    m_reloadAfterScan = true;
    scan();
}

void DataArea::scan()
{
    const std::filesystem::path root = m_session->root();
    m_scanJob = m_context.jobs->run(
        tr("Looking for datasets"), this,
        [root](const Progress &) { return workspace::findDatasets(root); },
        [this](std::vector<workspace::DatasetEntry> datasets) {
            showDatasets(std::move(datasets));
        });
}

void DataArea::showDatasets(std::vector<workspace::DatasetEntry> datasets)
{
    if (datasets.empty()) {
        m_list->setDatasets({});
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentWidget(m_splitter);
    const QString before = m_list->currentDataset();
    m_list->setDatasets(std::move(datasets));
    checkStatus();
    if (m_pendingView != PendingView::None && selectFirstTracked()) {
        // --view data-history / data-diff: the first tracked dataset, whatever was selected.
    } else if (!m_list->currentDataset().isEmpty()) {
        if (m_reloadAfterScan && m_list->currentDataset() == before)
            openDataset(before);
    } else if (!m_list->selectDataset(m_selections.value(m_session->rootPath()).toString())) {
        m_list->selectFirst();
    }
    m_reloadAfterScan = false;
}

void DataArea::openDataset(const QString &relativePath)
{
    if (m_loadJob)
        m_loadJob->cancel();
    if (m_historyJob)
        m_historyJob->cancel();
    ++m_loadGeneration;
    if (relativePath.isEmpty() || !m_session) {
        m_pane->showMessage(tr("No dataset selected"), tr("Choose a dataset in the list."));
        m_pane->historyView()->showMessage(tr("No dataset selected"),
                                           tr("Choose a dataset in the list."));
        m_pane->diffView()->showMessage(tr("No dataset selected"),
                                        tr("Choose a dataset in the list."));
        m_pane->profileView()->showMessage(tr("No dataset selected"),
                                           tr("Choose a dataset in the list."));
        m_pane->schemaView()->showMessage(tr("No dataset selected"),
                                          tr("Choose a dataset in the list."));
        m_pane->driftView()->showMessage(tr("No dataset selected"),
                                         tr("Choose a dataset in the list."));
        return;
    }
    m_selections.insert(m_session->rootPath(), relativePath);
    const auto &datasets = m_list->model()->datasets();
    for (const workspace::DatasetEntry &entry : datasets) {
        if (QString::fromStdString(entry.relativePath) == relativePath) {
            load(entry);
            loadHistory(entry);
            return;
        }
    }
}

void DataArea::load(const workspace::DatasetEntry &entry)
{
    const QString path = QString::fromStdString(entry.relativePath);
    if (!entry.presentInWorkspace) {
        m_pane->showMessage(
            tr("%1 is not checked out").arg(path),
            tr("Only its pointer file `%1.dvc` is in the workspace. `assay data checkout %1` "
               "restores the file from the content store.")
                .arg(path));
        return;
    }
    const std::filesystem::path file =
        m_session->root() / std::filesystem::path(entry.relativePath);
    const quint64 generation = m_loadGeneration;
    m_loadJob = m_context.jobs->run(
        tr("Reading %1").arg(path), this,
        [file](const Progress &progress) { return table::readTable(file, {}, progress); },
        [this, entry, path, generation](Result<table::ReadOutcome> outcome) {
            if (generation != m_loadGeneration)
                return; // another dataset was chosen meanwhile
            if (!outcome.ok()) {
                if (outcome.error().kind == ErrorKind::Cancelled) {
                    m_pane->showMessage(tr("Loading %1 was cancelled").arg(path),
                                        tr("Select it again or press F5 to read it."));
                } else {
                    m_pane->showError(path, QString::fromStdString(outcome.error().message));
                }
                return;
            }
            m_pane->showTable(entry,
                              std::make_shared<const table::Table>(std::move(outcome->table)));
        });
    m_pane->showLoading(path, m_loadJob);
}

void DataArea::loadHistory(const workspace::DatasetEntry &entry)
{
    const QString path = QString::fromStdString(entry.relativePath);
    DiffView *diff = m_pane->diffView();
    if (!entry.tracked) {
        m_pane->historyView()->showMessage(
            tr("%1 is not tracked").arg(path),
            tr("Its versions are recorded once DVC tracks it: `assay data add %1`, then commit "
               "the `.dvc` pointer. Meanwhile Diff compares it with any other file.")
                .arg(path));
        diff->setDataset(m_session->root(), path, {}, entry.presentInWorkspace);
        m_pane->profileView()->setDataset(m_session->root(), path, {}, entry.presentInWorkspace);
        m_pane->schemaView()->setDataset(m_session->root(), path, {}, entry.presentInWorkspace);
        m_pane->driftView()->setDataset(m_session->root(), path, {}, entry.presentInWorkspace);
        return;
    }
    const std::filesystem::path file =
        m_session->root() / std::filesystem::path(entry.relativePath);
    const quint64 generation = m_loadGeneration;
    m_pane->historyView()->showLoading(path);
    m_historyJob = m_context.jobs->run(
        tr("Reading the history of %1").arg(path), this,
        [file](const Progress &) { return version::datasetHistory(file); },
        [this, entry, generation](Result<std::vector<version::DatasetVersion>> versions) {
            if (generation != m_loadGeneration)
                return;
            if (!versions.ok()) {
                if (versions.error().kind != ErrorKind::Cancelled)
                    m_pane->historyView()->showError(
                        QString::fromStdString(versions.error().message));
                return;
            }
            showHistory(entry, std::move(*versions));
        });
}

void DataArea::showHistory(const workspace::DatasetEntry &entry,
                           std::vector<version::DatasetVersion> versions)
{
    const QString path = QString::fromStdString(entry.relativePath);
    DiffView *diff = m_pane->diffView();
    diff->setDataset(m_session->root(), path, versions, entry.presentInWorkspace);
    m_pane->profileView()->setDataset(m_session->root(), path, versions, entry.presentInWorkspace);
    m_pane->schemaView()->setDataset(m_session->root(), path, versions, entry.presentInWorkspace);
    m_pane->driftView()->setDataset(m_session->root(), path, versions, entry.presentInWorkspace);
    const std::optional<std::uint64_t> workingCopy =
        entry.presentInWorkspace ? std::optional(entry.sizeBytes) : std::nullopt;
    if (m_pendingView == PendingView::Diff && versions.size() >= 2)
        diff->compare(QString::fromStdString(versions[1].commit),
                      QString::fromStdString(versions[0].commit));
    if (m_pendingView == PendingView::Drift && versions.size() >= 2)
        m_pane->driftView()->compare(QString::fromStdString(versions[1].commit),
                                     entry.presentInWorkspace ? QString()
                                                              : QString::fromStdString(versions[0].commit));
    if (m_pendingView == PendingView::Schema)
        m_pane->schemaView()->validate();
    if (m_pendingView == PendingView::Profile && versions.size() >= 2)
        m_pane->profileView()->compare(QString::fromStdString(versions[0].commit),
                                       QString::fromStdString(versions[1].commit));
    const bool selectLatestTwo = m_pendingView != PendingView::None && versions.size() >= 2;
    m_pane->historyView()->setVersions(std::move(versions), workingCopy);
    if (selectLatestTwo) {
        const int first = workingCopy ? 1 : 0;
        m_pane->historyView()->selectRows({first, first + 1});
    }
    m_pendingView = PendingView::None;
}

void DataArea::checkStatus()
{
    if (m_statusJob)
        m_statusJob->cancel();
    std::vector<std::string> untracked;
    for (const workspace::DatasetEntry &entry : m_list->model()->datasets()) {
        if (!entry.tracked)
            untracked.push_back(entry.relativePath);
    }
    struct Outcome {
        Result<version::StatusReport> report;
        Result<std::vector<std::string>> changedPointers;
    };
    const std::filesystem::path root = m_session->root();
    m_pane->statusView()->showLoading();
    m_statusJob = m_context.jobs->run(
        tr("Checking tracked data"), this,
        [root](const Progress &progress) {
            // Its own connection: the session's database handle belongs to the GUI thread.
            auto database = workspace::Database::open(root / ".assay" / "assay.db");
            version::HashState state(database ? database->get() : nullptr);
            auto report = version::dataStatus(root, state, {}, progress);
            return Outcome{std::move(report), version::changedPointerFiles(root)};
        },
        [this, untracked](Outcome outcome) {
            StatusView *status = m_pane->statusView();
            if (!outcome.report.ok()) {
                if (outcome.report.error().kind != ErrorKind::Cancelled)
                    status->showError(QString::fromStdString(outcome.report.error().message));
                return;
            }
            std::unordered_map<std::string, version::OutputState> states;
            for (const version::OutputStatus &output : outcome.report->outputs)
                states.emplace(output.tracked.outputPath, output.state);
            m_list->model()->setOutputStates(std::move(states));
            status->setStatus(*outcome.report, untracked,
                              outcome.changedPointers.ok() ? std::move(*outcome.changedPointers)
                                                           : std::vector<std::string>{});
            status->selectDataset(m_list->currentDataset());
        });
}

void DataArea::addToVersionControl(const QString &relativePath)
{
    if (!m_session)
        return;
    const std::filesystem::path root = m_session->root();
    m_pane->statusView()->setBusy(true);
    m_context.jobs->run(
        tr("Adding %1").arg(relativePath), this,
        [root, path = relativePath.toStdString()](const Progress &progress) {
            return version::addFile(root, path, progress);
        },
        [this, relativePath](Result<version::AddedOutput> added) {
            m_pane->statusView()->setBusy(false);
            if (!added.ok() && added.error().kind != ErrorKind::Cancelled)
                QMessageBox::warning(m_stack, tr("Add %1").arg(relativePath),
                                     QString::fromStdString(added.error().message));
            refresh();
        });
}

void DataArea::commitDataChanges(const QString &message)
{
    if (!m_session)
        return;
    const std::filesystem::path root = m_session->root();
    m_pane->statusView()->setBusy(true);
    m_context.jobs->run(
        tr("Committing data changes"), this,
        [root, text = message.toStdString()](const Progress &) {
            return version::commitDataChanges(root, text, {});
        },
        [this](Result<std::optional<version::DataCommit>> committed) {
            m_pane->statusView()->setBusy(false);
            if (!committed.ok())
                QMessageBox::warning(m_stack, tr("Commit Data Changes"),
                                     QString::fromStdString(committed.error().message));
            refresh();
        });
}

void DataArea::saveState(QSettings &settings) const
{
    settings.setValue(splitterKey, m_splitter->saveState());
    settings.setValue(selectionsKey, m_selections);
    TableActions::saveAll(settings, m_stack);
}

void DataArea::restoreState(QSettings &settings)
{
    m_splitter->restoreState(settings.value(splitterKey).toByteArray());
    m_selections = settings.value(selectionsKey).toMap();
    TableActions::restoreAll(settings, m_stack);
}

} // namespace assay::ui
