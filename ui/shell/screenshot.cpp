#include "shell/screenshot.h"

#include "shell/job_runner.h"
#include "shell/main_window.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>

namespace assay::ui {

QString renderScreenshot(MainWindow &window, const QSize &size, const QString &path, int timeoutMs)
{
    window.resize(size);
    window.show();
    if (!window.jobRunner()->waitUntilIdle(timeoutMs))
        return QStringLiteral("background work did not finish within %1 s").arg(timeoutMs / 1000);
    // Let layouts and deferred repaints settle after the last job delivered its result.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();

    const QPixmap pixmap = window.grab();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!pixmap.save(path, "PNG"))
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

} // namespace assay::ui
