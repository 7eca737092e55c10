#pragma once

#include "model/task.h"
#include "model/training_run.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;

namespace assay::table {
class Table;
}

namespace assay::ui {

class Job;
class JobRunner;
class TrainDataPicker;
class TrainFeatureList;
class TrainModelPanel;
class TrainRunOptions;
class WorkspaceSession;

// Everything the train dialog asks before training: data and version, target, task,
// features, model and parameters, validation, seed, experiment, run name. Reads the
// chosen data in the background to offer its columns. Builds the TrainRequest and the
// equivalent `assay train` command line from what its widgets show.
class TrainForm : public QWidget {
    Q_OBJECT
public:
    TrainForm(JobRunner &jobs, QWidget *parent = nullptr);

    void setWorkspace(std::shared_ptr<WorkspaceSession> session);

    // Why Train cannot start yet ("Reading data/credit.csv…"), or empty when it can.
    QString problem() const;
    bool isLoading() const;
    model::TrainRequest request() const;
    QString commandLine() const;
    // The task the target's values imply, or nullopt while none is chosen or it cannot be
    // learned (targetProblem() says why).
    std::optional<model::Task> inferredTask() const { return m_inferredTask; }
    QString targetProblem() const { return m_targetProblem; }

    TrainDataPicker *dataPicker() const { return m_data; }
    QComboBox *targetBox() const { return m_target; }
    QComboBox *taskBox() const { return m_task; }
    TrainFeatureList *featureList() const { return m_features; }
    TrainModelPanel *modelPanel() const { return m_model; }
    TrainRunOptions *runOptions() const { return m_options; }

signals:
    // Any input changed; also when the columns arrive.
    void changed();
    // The chosen data was read (its columns are offered) or could not be (problem() says).
    void columnsLoaded();

private:
    void loadColumns();
    void showColumns(std::shared_ptr<const table::Table> table);
    void showColumnsError(const QString &message);
    void onTargetChanged();
    void updateTask();
    void updateFeatureCount();
    void updateRunNamePlaceholder();
    std::optional<model::Task> chosenTask() const;
    QWidget *featureButtons();

    JobRunner &m_jobs;
    std::shared_ptr<WorkspaceSession> m_session;
    TrainDataPicker *m_data;
    QComboBox *m_target;
    QComboBox *m_task;
    QLabel *m_taskNote;
    TrainFeatureList *m_features;
    QLabel *m_featureCount;
    TrainModelPanel *m_model;
    TrainRunOptions *m_options;

    std::shared_ptr<const table::Table> m_table;
    QString m_loadedData;   // TrainData::requestText() of m_table
    QString m_columnsError; // why the data could not be read
    QPointer<Job> m_readJob;
    quint64 m_generation = 0;
    std::optional<model::Task> m_inferredTask;
    QString m_targetProblem;
};

} // namespace assay::ui
