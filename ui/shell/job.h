#pragma once

#include "common/progress.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace assay::ui {

// What a worker thread reports, read by the GUI thread's poll timer. Shared by the Job and
// the Progress handed to core, so a worker that outlives its Job still writes valid memory.
struct JobProgressState {
    std::atomic<double> fraction{-1.0}; // -1: not reported yet (busy indicator)
    std::mutex stageMutex;
    std::string stage;
};

// One piece of background work as the GUI sees it: a title, progress and Cancel.
// Owned by the JobRunner and deleted after finished(); hold it in a QPointer.
class Job : public QObject {
    Q_OBJECT
public:
    Job(QString title, QObject *parent);

    const QString &title() const { return m_title; }
    // In [0, 1], or negative while the work has not said how far it is.
    double fraction() const { return m_state->fraction.load(std::memory_order_relaxed); }
    QString stage() const;
    bool isCancelRequested() const { return m_token.isCancelled(); }
    const Progress &progress() const { return m_progress; }

    void cancel();

signals:
    void progressChanged();
    void cancelRequested();
    void finished();

private:
    friend class JobRunner;
    // Called by the runner's timer; emits progressChanged() only when something moved.
    void poll();

    QString m_title;
    CancellationToken m_token;
    std::shared_ptr<JobProgressState> m_state;
    Progress m_progress;
    double m_lastFraction = -2.0;
    QString m_lastStage;
};

} // namespace assay::ui
