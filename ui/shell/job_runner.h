#pragma once

#include "shell/job.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>
#include <type_traits>

namespace assay::ui {

// Runs core functions on Qt's thread pool so the window stays responsive. The work gets a
// Progress (reports and cancellation); its return value is handed to `done` on the GUI
// thread, unless `receiver` was destroyed meanwhile. Work must not touch widgets.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    // Cancels what still runs and waits for it, so no worker outlives the window.
    ~JobRunner() override;

    template <typename Work, typename Done>
    Job *run(const QString &title, QObject *receiver, Work work, Done done)
    {
        using Value = std::invoke_result_t<Work &, const Progress &>;
        auto result = std::make_shared<std::optional<Value>>();
        Job *job = createJob(title);
        start(
            job,
            [result, progress = job->progress(), work = std::move(work)]() mutable {
                result->emplace(work(progress));
            },
            [result, guard = QPointer<QObject>(receiver), done = std::move(done)]() mutable {
                if (guard && result->has_value())
                    done(std::move(**result));
            });
        return job;
    }

    const QList<Job *> &jobs() const { return m_jobs; }
    bool isIdle() const { return m_jobs.isEmpty(); }
    void cancelAll();
    // Processes events until no job runs or `timeoutMs` passed; true when idle.
    // For screenshots and tests; interactive code reacts to signals instead.
    bool waitUntilIdle(int timeoutMs);

signals:
    void jobStarted(assay::ui::Job *job);
    void jobFinished(assay::ui::Job *job);
    void idle();

private:
    Job *createJob(const QString &title);
    void start(Job *job, std::function<void()> work, std::function<void()> finish);

    QList<Job *> m_jobs;
    QHash<Job *, QFutureWatcher<void> *> m_watchers;
    QTimer m_pollTimer;
};

} // namespace assay::ui
