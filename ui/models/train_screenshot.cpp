#include "models/train_screenshot.h"

#include "models/train_dialog.h"
#include "models/train_form.h"
#include "shell/job_runner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>

namespace assay::ui {

QString renderTrainDialogScreenshot(std::shared_ptr<WorkspaceSession> session, JobRunner &jobs,
                                    const QString &path, const QSize &size, int timeoutMs)
{
    TrainDialog dialog(std::move(session), jobs);
    dialog.resize(size);
    dialog.show();
    const QDeadlineTimer deadline(timeoutMs);
    // Datasets, then versions and columns: each finished job may start the next.
    while (dialog.form()->isLoading() && !deadline.hasExpired())
        jobs.waitUntilIdle(int(deadline.remainingTime()));
    const QString problem = dialog.form()->problem();
    if (!problem.isEmpty())
        return QStringLiteral("the train dialog cannot train: %1").arg(problem);
    if (!dialog.startTraining())
        return QStringLiteral("the train dialog did not start training");
    while (dialog.isTraining() && !deadline.hasExpired())
        jobs.waitUntilIdle(int(deadline.remainingTime()));
    if (dialog.isTraining())
        return QStringLiteral("training did not finish within %1 s").arg(timeoutMs / 1000);
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    const QPixmap pixmap = dialog.grab();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!pixmap.save(path, "PNG"))
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

} // namespace assay::ui
