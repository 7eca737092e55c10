#include "models/train_data_picker.h"

#include "shell/job_runner.h"
#include "shell/workspace_session.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QSignalBlocker>

namespace assay::ui {

namespace {

constexpr int kShortCommit = 7;
constexpr int kMaxMessage = 40;
// Item data of the dataset combo: the relative path of a listed dataset, or the absolute
// path of a browsed file.
constexpr int kRelativePathRole = Qt::UserRole + 1;
constexpr int kFileRole = Qt::UserRole + 2;

} // namespace

TrainDataPicker::TrainDataPicker(JobRunner &jobs, QWidget *parent)
    : QWidget(parent), m_jobs(jobs), m_dataset(new QComboBox(this)), m_version(new QComboBox(this)),
      m_browse(new QPushButton(tr("Browse…"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dataset, 3);
    layout->addWidget(m_version, 4);
    layout->addWidget(m_browse);
    m_dataset->setObjectName(QStringLiteral("dataset"));
    m_version->setObjectName(QStringLiteral("version"));
    m_dataset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_dataset->setMinimumContentsLength(10);
    m_version->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_version->setMinimumContentsLength(10);
    m_dataset->setToolTip(tr("A dataset of the workspace, as the Data area lists it"));
    m_version->setToolTip(tr("The file as it is now, or a committed version of it"));
    m_browse->setToolTip(tr("Train on another table file (CSV, TSV, JSON Lines)"));
    connect(m_dataset, &QComboBox::activated, this, &TrainDataPicker::onDatasetChosen);
    connect(m_version, &QComboBox::activated, this, &TrainDataPicker::dataChanged);
    connect(m_browse, &QPushButton::clicked, this, &TrainDataPicker::browse);
}

void TrainDataPicker::setWorkspace(std::shared_ptr<WorkspaceSession> session)
{
    m_session = std::move(session);
    ++m_generation;
    ++m_workspaceGeneration;
    m_datasets.clear();
    m_dataset->clear();
    m_version->clear();
    if (!m_session) {
        emit dataChanged();
        return;
    }
    const std::filesystem::path root = m_session->root();
    const quint64 generation = m_workspaceGeneration;
    m_scanJob = m_jobs.run(
        tr("Looking for datasets"), this,
        [root](const Progress &) { return workspace::findDatasets(root); },
        [this, generation](std::vector<workspace::DatasetEntry> datasets) {
            if (generation == m_workspaceGeneration) // not another workspace meanwhile
                showDatasets(std::move(datasets));
        });
}

bool TrainDataPicker::isLoading() const
{
    return m_scanJob || m_historyJob;
}

void TrainDataPicker::showDatasets(std::vector<workspace::DatasetEntry> datasets)
{
    {
        const QSignalBlocker blocker(m_dataset);
        m_dataset->clear();
        m_datasets.clear();
        for (workspace::DatasetEntry &entry : datasets) {
            if (!entry.presentInWorkspace && !entry.tracked)
                continue;
            const QString path = QString::fromStdString(entry.relativePath);
            m_dataset->addItem(path);
            m_dataset->setItemData(m_dataset->count() - 1, path, kRelativePathRole);
            m_datasets.push_back(std::move(entry));
        }
    }
    if (m_dataset->count() > 0)
        onDatasetChosen(0);
    emit datasetsListed();
}

bool TrainDataPicker::selectDataset(const QString &relativePath)
{
    const int index = m_dataset->findData(relativePath, kRelativePathRole);
    if (index < 0)
        return false;
    m_dataset->setCurrentIndex(index);
    onDatasetChosen(index);
    return true;
}

void TrainDataPicker::onDatasetChosen(int index)
{
    ++m_generation;
    if (m_historyJob)
        m_historyJob->cancel();
    m_version->clear();
    const QString file = m_dataset->itemData(index, kFileRole).toString();
    if (!file.isEmpty()) {
        m_version->addItem(tr("the file as it is"));
        m_version->setEnabled(false);
        emit dataChanged();
        return;
    }
    const QString relative = m_dataset->itemData(index, kRelativePathRole).toString();
    for (const workspace::DatasetEntry &entry : m_datasets) {
        if (QString::fromStdString(entry.relativePath) == relative) {
            showVersions(entry, {});
            if (entry.tracked)
                loadVersions(entry);
            return;
        }
    }
}

void TrainDataPicker::loadVersions(const workspace::DatasetEntry &entry)
{
    const std::filesystem::path file = m_session->root() / entry.relativePath;
    const quint64 generation = m_generation;
    m_historyJob = m_jobs.run(
        tr("Reading the history of %1").arg(QString::fromStdString(entry.relativePath)), this,
        [file](const Progress &) { return version::datasetHistory(file); },
        [this, entry, generation](Result<std::vector<version::DatasetVersion>> versions) {
            if (generation != m_generation || !versions.ok())
                return; // another dataset was chosen, or no history: the working copy stays
            showVersions(entry, *versions);
        });
}

void TrainDataPicker::showVersions(const workspace::DatasetEntry &entry,
                                   const std::vector<version::DatasetVersion> &versions)
{
    const QString previous = m_version->currentData().toString();
    {
        const QSignalBlocker blocker(m_version);
        m_version->clear();
        if (entry.presentInWorkspace)
            m_version->addItem(tr("working copy"), QString());
        for (const version::DatasetVersion &version : versions) {
            const QString commit = QString::fromStdString(version.commit);
            QString message = QString::fromStdString(version.message);
            if (message.size() > kMaxMessage)
                message = message.left(kMaxMessage - 1) + u'…';
            const QString date =
                QDateTime::fromSecsSinceEpoch(version.time).toString(QStringLiteral("yyyy-MM-dd"));
            m_version->addItem(
                QStringLiteral("%1 · %2 · %3").arg(commit.left(kShortCommit), date, message),
                commit);
            m_version->setItemData(
                m_version->count() - 1,
                QStringLiteral("%1\n%2").arg(commit, QString::fromStdString(version.message)),
                Qt::ToolTipRole);
        }
        m_version->setEnabled(m_version->count() > 1);
        const int keep = m_version->findData(previous);
        m_version->setCurrentIndex(keep >= 0 ? keep : 0);
    }
    emit dataChanged();
}

bool TrainDataPicker::selectRevision(const QString &commit)
{
    for (int i = 0; i < m_version->count(); ++i) {
        const QString id = m_version->itemData(i).toString();
        if (!id.isEmpty() && !commit.isEmpty() && id.startsWith(commit)) {
            m_version->setCurrentIndex(i);
            emit dataChanged();
            return true;
        }
    }
    return false;
}

void TrainDataPicker::selectFile(const QString &file)
{
    const QString path = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
    int index = m_dataset->findData(path, kFileRole);
    if (index < 0) {
        m_dataset->addItem(QFileInfo(path).fileName());
        index = m_dataset->count() - 1;
        m_dataset->setItemData(index, path, kFileRole);
        m_dataset->setItemData(index, path, Qt::ToolTipRole);
    }
    m_dataset->setCurrentIndex(index);
    onDatasetChosen(index);
}

void TrainDataPicker::browse()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Train on a table file"), m_session ? m_session->rootPath() : QString(),
        tr("Tables (*.csv *.tsv *.tab *.jsonl *.ndjson);;All files (*)"));
    if (!file.isEmpty())
        selectFile(file);
}

std::optional<TrainData> TrainDataPicker::current() const
{
    const int index = m_dataset->currentIndex();
    if (index < 0)
        return std::nullopt;
    const QString file = m_dataset->itemData(index, kFileRole).toString();
    if (!file.isEmpty()) {
        // Files inside the workspace are named relative to it, as the CLI would be given them.
        QString name = file;
        if (m_session) {
            const QString relative = QDir(m_session->rootPath()).relativeFilePath(file);
            if (!relative.startsWith(QStringLiteral("..")))
                name = relative;
        }
        return TrainData{file, {}, name};
    }
    if (!m_session)
        return std::nullopt;
    const QString relative = m_dataset->itemData(index, kRelativePathRole).toString();
    TrainData chosen;
    chosen.path = QDir(m_session->rootPath()).filePath(relative);
    chosen.revision = m_version->currentData().toString();
    chosen.name =
        chosen.revision.isEmpty() ? relative : relative + u'@' + chosen.revision.left(kShortCommit);
    return chosen;
}

} // namespace assay::ui
