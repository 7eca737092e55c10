#include "shell/workspace_session.h"

#include <QDir>

namespace assay::ui {

WorkspaceSession::WorkspaceSession(workspace::Workspace workspace)
    : m_workspace(std::move(workspace)),
      m_rootPath(QDir::cleanPath(QString::fromStdString(m_workspace.root().string())))
{
}

} // namespace assay::ui
