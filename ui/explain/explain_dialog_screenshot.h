#pragma once

#include <QSize>
#include <QString>

#include <memory>

namespace assay::ui {

class JobRunner;
class WorkspaceSession;

// For `--view explain-dialog --screenshot FILE.png`: opens an ExplainDialog on `session` with
// a cached explanation's model, data and method preselected (TreeSHAP when the workspace has
// one, else the newest), waits
// until the model and data are read and the defaults resolved, and saves the dialog as PNG.
// Returns an empty string or the reason it failed. Computes nothing.
QString renderExplainDialogScreenshot(std::shared_ptr<WorkspaceSession> session, JobRunner &jobs,
                                      const QString &path, const QSize &size = {820, 470},
                                      int timeoutMs = 60'000);

} // namespace assay::ui
