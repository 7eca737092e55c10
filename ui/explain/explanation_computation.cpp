#include "explain/explanation_computation.h"

#include "explain/explain_sources.h"
#include "shell/job_runner.h"

namespace assay::ui {

ExplanationComputation::ExplanationComputation(JobRunner &jobs, QObject *parent)
    : QObject(parent), m_jobs(jobs)
{
}

bool ExplanationComputation::start(const std::filesystem::path &root, const ExplainChoice &choice,
                                   std::shared_ptr<const ExplainSources> sources)
{
    if (m_job || !sources)
        return false;
    const QString title =
        tr("Explaining %1 with %2")
            .arg(choice.runId.left(8), QString::fromUtf8(explain::methodTitle(choice.method)));
    m_job = m_jobs.run(
        title, this,
        [root, choice, sources = std::move(sources)](const Progress &progress) {
            return computeExplanation(root, *sources, choice, progress);
        },
        [this](Result<ComputedExplanation> computed) {
            m_job = nullptr;
            if (computed.ok())
                emit finished(QString::fromStdString(computed->entry.key), computed->cached);
            else if (computed.error().kind == ErrorKind::Cancelled)
                emit cancelled();
            else
                emit failed(QString::fromStdString(computed.error().message));
        });
    return true;
}

void ExplanationComputation::cancel()
{
    if (m_job)
        m_job->cancel();
}

} // namespace assay::ui
