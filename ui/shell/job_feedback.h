#pragma once

#include "common/result.h"

#include <QString>

namespace assay::ui {

class EmptyState;
class Job;

// `message` says what `job` does while it runs, with a progress bar that follows it.
void showWaitingFor(EmptyState *message, Job *job, const QString &title, const QString &body);

// What a failed job leaves in `message`: after Cancel a calm "<what> cancelled" with how to
// run it again, otherwise the error itself under `failedTitle`.
void showJobError(EmptyState *message, const Error &error, const QString &failedTitle,
                  const QString &cancelledTitle, const QString &rerunHint);

} // namespace assay::ui
