#pragma once

#include "explain/explain_choice.h"

#include <QObject>
#include <QPointer>

#include <filesystem>
#include <memory>

namespace assay::ui {

class Job;
class JobRunner;
struct ExplainSources;

// Computes what the Explain… dialog asked for on the job runner (progress and Cancel in the
// status bar): the cached explanation when the workspace has it, else runExplanation and
// ExplanationStore::save. One at a time. Cancel stops the method promptly and saves nothing.
class ExplanationComputation : public QObject {
    Q_OBJECT
public:
    ExplanationComputation(JobRunner &jobs, QObject *parent = nullptr);

    // False when a computation already runs.
    bool start(const std::filesystem::path &root, const ExplainChoice &choice,
               std::shared_ptr<const ExplainSources> sources);
    void cancel();
    bool isRunning() const { return m_job != nullptr; }
    Job *job() const { return m_job; }

signals:
    // The explanation is in the cache under `key` (just saved, or found there).
    void finished(const QString &key, bool wasCached);
    // It failed; `message` names the problem. Not emitted on Cancel.
    void failed(const QString &message);
    void cancelled();

private:
    JobRunner &m_jobs;
    QPointer<Job> m_job;
};

} // namespace assay::ui
