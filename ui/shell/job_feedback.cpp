#include "shell/job_feedback.h"

#include "common/empty_state.h"
#include "shell/job.h"

namespace assay::ui {

void showWaitingFor(EmptyState *message, Job *job, const QString &title, const QString &body)
{
    message->setContent(title, body, EmptyState::Tone::Waiting);
    message->setProgress(-1);
    QObject::connect(job, &Job::progressChanged, message,
                     [message, job] { message->setProgress(job->fraction()); });
}

void showJobError(EmptyState *message, const Error &error, const QString &failedTitle,
                  const QString &cancelledTitle, const QString &rerunHint)
{
    if (error.kind == ErrorKind::Cancelled)
        message->setContent(cancelledTitle, rerunHint);
    else
        message->setContent(failedTitle, QString::fromStdString(error.message), EmptyState::Tone::Error);
}

} // namespace assay::ui
