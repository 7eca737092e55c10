#include "shell/job_runner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace assay::ui {

namespace {
constexpr int pollIntervalMs = 100;
} // namespace

JobRunner::JobRunner(QObject *parent) : QObject(parent)
{
    m_pollTimer.setInterval(pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        for (Job *job : std::as_const(m_jobs))
            job->poll();
    });
}

JobRunner::~JobRunner()
{
    cancelAll();
    for (QFutureWatcher<void> *watcher : std::as_const(m_watchers)) {
        watcher->disconnect(this);
        watcher->waitForFinished();
    }
}

void JobRunner::cancelAll()
{
    for (Job *job : std::as_const(m_jobs))
        job->cancel();
}

bool JobRunner::waitUntilIdle(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (isIdle()) {
            // Events still queued (a finished job's follow-up, a watcher's tick) may start
            // more work: idle counts only when it survives them.
            QCoreApplication::processEvents();
            if (isIdle())
                return true;
            continue;
        }
        QEventLoop loop;
        connect(this, &JobRunner::idle, &loop, &QEventLoop::quit);
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return isIdle();
}

Job *JobRunner::createJob(const QString &title)
{
    return new Job(title, this);
}

void JobRunner::start(Job *job, std::function<void()> work, std::function<void()> finish)
{
    auto *watcher = new QFutureWatcher<void>(job);
    m_watchers.insert(job, watcher);
    connect(watcher, &QFutureWatcher<void>::finished, this,
            [this, job, finish = std::move(finish)] {
                // Hand over the result first: `finish` may start follow-up jobs, and the
                // runner must not look idle in between.
                finish();
                m_jobs.removeOne(job);
                m_watchers.remove(job);
                emit job->finished();
                emit jobFinished(job);
                job->deleteLater();
                if (m_jobs.isEmpty()) {
                    m_pollTimer.stop();
                    emit idle();
                }
            });
    m_jobs.append(job);
    if (!m_pollTimer.isActive())
        m_pollTimer.start();
    emit jobStarted(job);
    watcher->setFuture(QtConcurrent::run(QThreadPool::globalInstance(), std::move(work)));
}

} // namespace assay::ui
