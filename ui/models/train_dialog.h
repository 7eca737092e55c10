#pragma once

#include "common/result.h"
#include "model/training_run.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace assay::ui {

class EmptyState;
class Job;
class JobRunner;
class TrainCurve;
class TrainForm;
class TrainIterationFeed;
class VerdictBanner;
class WorkspaceSession;

// Trains a model on the workspace's data: the form (data and version, target, features,
// model and its parameters, split or cross-validation, seed, experiment) on the left, the
// live training curve on the right. Training runs as a background job — in the status bar
// too — and records a run (trainAndRecord); Cancel stops it and the run ends KILLED. Closing
// the dialog while it trains leaves the job running. Errors of the core show in the dialog.
class TrainDialog : public QDialog {
    Q_OBJECT
public:
    TrainDialog(std::shared_ptr<WorkspaceSession> session, JobRunner &jobs,
                QWidget *parent = nullptr);

    // Another workspace (or none): clears the form and lists that workspace's data.
    void setWorkspace(std::shared_ptr<WorkspaceSession> session);

    // What the Train button does; false (and the reason shown) when the form is not ready
    // or a training already runs.
    bool startTraining();
    void cancelTraining();
    // Puts the `assay train …` line of the current form on the clipboard.
    void copyCommand();

    bool isTraining() const { return m_job != nullptr; }
    // The run of the last training that finished, empty before.
    const QString &lastRunId() const { return m_lastRunId; }

    TrainForm *form() const { return m_form; }
    TrainCurve *curve() const { return m_curve; }
    VerdictBanner *resultBanner() const { return m_banner; }
    QPushButton *trainButton() const { return m_train; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *openRunButton() const { return m_openRun; }

signals:
    // A training finished and its run is recorded (for the Models area to refresh).
    void runRecorded(const QString &runId);
    // The user asked to see the run just trained (the "Show results" button).
    void runTrained(const QString &runId);

private:
    QWidget *createTrainingPanel();
    QWidget *createButtons();
    void updateButtons();
    void drainIterations();
    void showProgress();
    void finish(Result<model::TrainOutcome> outcome);

    std::shared_ptr<WorkspaceSession> m_session;
    JobRunner &m_jobs;
    TrainForm *m_form;
    QStackedWidget *m_curveStack;
    EmptyState *m_curveEmpty;
    TrainCurve *m_curve;
    QProgressBar *m_progress;
    QLabel *m_stage;
    VerdictBanner *m_banner;
    QLabel *m_problem;
    QPushButton *m_copy;
    QPushButton *m_train;
    QPushButton *m_cancel;
    QPushButton *m_openRun;
    QPushButton *m_close;

    QPointer<Job> m_job;
    std::shared_ptr<TrainIterationFeed> m_feed;
    QTimer m_drainTimer;
    QString m_trainerOfJob;
    QString m_lastRunId;
};

} // namespace assay::ui
