#pragma once

#include <QSize>
#include <QString>

#include <memory>

namespace assay::ui {

class JobRunner;
class WorkspaceSession;

// For `--view models-train --screenshot FILE.png`: opens a TrainDialog on `session`, waits
// for its datasets and columns, trains what the form proposes (gbt on the first dataset's
// last column) to the end, and saves the dialog with its finished curve as PNG. Returns
// an empty string or the reason it failed. The run it trains is recorded in the workspace.
QString renderTrainDialogScreenshot(std::shared_ptr<WorkspaceSession> session, JobRunner &jobs,
                                    const QString &path, const QSize &size = {1400, 900},
                                    int timeoutMs = 120'000);

} // namespace assay::ui
