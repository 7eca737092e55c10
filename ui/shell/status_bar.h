#pragma once

#include <QStatusBar>

class QLabel;

namespace assay::ui {

class JobRunner;

// workspace path · git branch@commit on the left, running jobs with Cancel on the right.
class StatusBar : public QStatusBar {
    Q_OBJECT
public:
    StatusBar(JobRunner *runner, QWidget *parent = nullptr);

    // Shows the workspace at `root` (an empty string: no workspace open).
    void setWorkspace(const QString &root);
    // Re-reads the git HEAD, e.g. after a refresh.
    void refreshGit();

private:
    QString m_root;
    QLabel *m_workspaceLabel;
    QLabel *m_gitLabel;
};

} // namespace assay::ui
