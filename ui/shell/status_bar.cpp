#include "shell/status_bar.h"

#include "shell/git_head.h"
#include "shell/job_indicator.h"

#include <QDir>
#include <QLabel>

namespace assay::ui {

StatusBar::StatusBar(JobRunner *runner, QWidget *parent)
    : QStatusBar(parent), m_workspaceLabel(new QLabel(this)), m_gitLabel(new QLabel(this))
{
    setSizeGripEnabled(false);
    m_workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_workspaceLabel->setContentsMargins(6, 0, 0, 0);
    m_gitLabel->setToolTip(tr("Git branch and commit of the workspace"));
    addWidget(m_workspaceLabel);
    addWidget(m_gitLabel);
    addPermanentWidget(new JobIndicator(runner, this));
    setWorkspace({});
}

void StatusBar::setWorkspace(const QString &root)
{
    m_root = root;
    m_workspaceLabel->setText(root.isEmpty() ? tr("No workspace open")
                                             : QDir::toNativeSeparators(root));
    m_workspaceLabel->setToolTip(root);
    refreshGit();
}

void StatusBar::refreshGit()
{
    const QString head = m_root.isEmpty() ? QString() : describeGitHead(m_root);
    m_gitLabel->setVisible(!head.isEmpty());
    m_gitLabel->setText(QStringLiteral("·   %1").arg(head));
}

} // namespace assay::ui
