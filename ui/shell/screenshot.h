#pragma once

#include <QSize>
#include <QString>

namespace assay::ui {

class MainWindow;

// Shows `window` at `size`, waits until its background jobs (workspace scan, table load)
// are done, then saves window.grab() as PNG to `path`. Returns an empty string or the
// reason it failed. The path --screenshot and the tests share.
QString renderScreenshot(MainWindow &window, const QSize &size, const QString &path,
                         int timeoutMs = 120'000);

} // namespace assay::ui
