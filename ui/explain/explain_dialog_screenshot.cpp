#include "explain/explain_dialog_screenshot.h"

#include "explain/explain_dialog.h"
#include "explain/explanation_loader.h"
#include "shell/job_runner.h"
#include "shell/workspace_session.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>

#include <algorithm>

namespace assay::ui {

QString renderExplainDialogScreenshot(std::shared_ptr<WorkspaceSession> session, JobRunner &jobs,
                                      const QString &path, const QSize &size, int timeoutMs)
{
    if (!session)
        return QStringLiteral("the explain dialog needs a workspace");
    auto entries = listExplanations(session->root());
    ExplainDialog dialog(session, jobs);
    dialog.resize(size);
    if (entries.ok() && !entries->empty()) {
        // TreeSHAP shows the most of the form; else the newest explanation.
        const auto treeShap = std::find_if(entries->begin(), entries->end(), [](const auto &entry) {
            return entry.method == explain::ExplainMethod::TreeShap;
        });
        const explain::ExplanationEntry &shown =
            treeShap != entries->end() ? *treeShap : entries->front();
        dialog.preselect(QString::fromStdString(shown.runId),
                         QString::fromStdString(shown.dataName), shown.method);
    }
    dialog.show();
    const QDeadlineTimer deadline(timeoutMs);
    // Models and datasets, then versions, then model and data, then the defaults.
    while (dialog.isLoading() && !deadline.hasExpired())
        jobs.waitUntilIdle(int(deadline.remainingTime()));
    if (dialog.isLoading())
        return QStringLiteral("the explain dialog was still reading after %1 s")
            .arg(timeoutMs / 1000);
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    const QPixmap pixmap = dialog.grab();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!pixmap.save(path, "PNG"))
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

} // namespace assay::ui
