#pragma once

#include "version/dataset_history.h"
#include "workspace/dataset_catalog.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QPushButton;

namespace assay::ui {

class Job;
class JobRunner;
class WorkspaceSession;

// The data to train on as the two forms name it.
struct TrainData {
    QString path;     // absolute, for TrainRequest::data (with "@" + revision when set)
    QString revision; // full commit; empty: the file as it is on disk
    QString name;     // as typed in the workspace root: "data/credit.csv@3f2a9c1"

    QString requestText() const { return revision.isEmpty() ? path : path + u'@' + revision; }
};

// Picks the training data: one of the workspace's datasets (as the Data area lists them)
// at its working copy or one of its committed versions, or any table file (Browse…).
// Datasets and versions are read through the job runner.
class TrainDataPicker : public QWidget {
    Q_OBJECT
public:
    TrainDataPicker(JobRunner &jobs, QWidget *parent = nullptr);

    void setWorkspace(std::shared_ptr<WorkspaceSession> session);
    // Selects a dataset by its path relative to the workspace; false when it is not listed.
    bool selectDataset(const QString &relativePath);
    // Selects the version `commit` of the current dataset (full or abbreviated id).
    bool selectRevision(const QString &commit);
    // Adds a table file outside the list (absolute path) and selects it.
    void selectFile(const QString &file);

    std::optional<TrainData> current() const;
    bool isLoading() const;

signals:
    // The datasets of the workspace were listed (maybe none).
    void datasetsListed();
    // Another dataset or version is selected (also once the versions are known).
    void dataChanged();

private:
    void showDatasets(std::vector<workspace::DatasetEntry> datasets);
    void onDatasetChosen(int index);
    void loadVersions(const workspace::DatasetEntry &entry);
    void showVersions(const workspace::DatasetEntry &entry,
                      const std::vector<version::DatasetVersion> &versions);
    void browse();

    JobRunner &m_jobs;
    std::shared_ptr<WorkspaceSession> m_session;
    std::vector<workspace::DatasetEntry> m_datasets;
    QComboBox *m_dataset;
    QComboBox *m_version;
    QPushButton *m_browse;
    QPointer<Job> m_scanJob;
    QPointer<Job> m_historyJob;
    quint64 m_generation = 0;          // counts dataset choices: late versions are dropped
    quint64 m_workspaceGeneration = 0; // counts workspaces: late dataset lists are dropped
};

} // namespace assay::ui
