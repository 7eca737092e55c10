#pragma once

#include <QString>

namespace assay::ui {

// "main@1a2b3c4" for the repository at `workspaceRoot`, read from .git/HEAD and the refs
// (loose or packed) without libgit2; "main" before the first commit, "detached@1a2b3c4"
// for a detached HEAD, and an empty string when the folder is not a git work tree.
QString describeGitHead(const QString &workspaceRoot);

} // namespace assay::ui
