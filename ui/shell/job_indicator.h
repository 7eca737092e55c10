#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace assay::ui {

class Job;
class JobRunner;

// The status bar's view of background work: the newest job's title and stage, a progress
// bar (busy while the job has not reported a fraction) and Cancel. Hidden when idle.
class JobIndicator : public QWidget {
    Q_OBJECT
public:
    explicit JobIndicator(JobRunner *runner, QWidget *parent = nullptr);

private:
    void update();
    void cancelShownJob();

    JobRunner *m_runner;
    QPointer<Job> m_shown;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};

} // namespace assay::ui
