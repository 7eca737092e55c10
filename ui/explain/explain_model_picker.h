#pragma once

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;

namespace assay::ui {

class Job;
class JobRunner;
class WorkspaceSession;

// Picks one of the workspace's trained models, as the Models area lists them (model runs,
// newest first, each in its run colour), read through the job runner.
class ExplainModelPicker : public QWidget {
    Q_OBJECT
public:
    ExplainModelPicker(JobRunner &jobs, QWidget *parent = nullptr);

    void setWorkspace(std::shared_ptr<WorkspaceSession> session);
    // Selects the model of run `runId` (now, or once the list is read); false when the
    // list is read and does not have it.
    bool select(const QString &runId);

    QString runId() const;
    // The trainer of the chosen model: "gbt", "forest", "tree", "logreg", …
    QString trainer() const;
    bool isTreeModel() const;
    // The dataset the model was trained on (its path as the run recorded it), or "".
    QString trainingData() const;
    bool isLoading() const { return m_job != nullptr; }
    int count() const;

signals:
    void listed();
    void modelChanged();

private:
    JobRunner &m_jobs;
    std::shared_ptr<WorkspaceSession> m_session;
    QComboBox *m_combo;
    QPointer<Job> m_job;
    QString m_pending;
    quint64 m_generation = 0;
};

} // namespace assay::ui
