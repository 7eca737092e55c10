#pragma once

#include "workspace/workspace.h"

#include <QString>

#include <filesystem>
#include <memory>

namespace assay::ui {

// The workspace the window has open, shared by the areas. Areas run core functions on it
// from worker threads with the root path only; the database handle stays on the GUI thread.
class WorkspaceSession {
public:
    explicit WorkspaceSession(workspace::Workspace workspace);

    const std::filesystem::path &root() const { return m_workspace.root(); }
    // The root as Qt shows it, absolute and with '/' separators.
    const QString &rootPath() const { return m_rootPath; }
    workspace::Workspace &workspace() { return m_workspace; }

private:
    workspace::Workspace m_workspace;
    QString m_rootPath;
};

} // namespace assay::ui
