#pragma once

#include "common/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace assay::version {

struct DataCommit {
    std::string commitId;            // full hex id
    std::vector<std::string> staged; // relative to the git work tree
};

// The `.dvc` and `.gitignore` files under `root` that are new or modified in the git work
// tree, relative to the work tree (libgit2 status, untracked files included).
Result<std::vector<std::string>> changedPointerFiles(const std::filesystem::path &root);

// Stages changedPointerFiles() plus `extraPaths` (absolute or relative to the current
// folder) and commits them with the author from git config. Nullopt when the index then
// equals HEAD: nothing to commit.
Result<std::optional<DataCommit>> commitDataChanges(const std::filesystem::path &root,
                                                    const std::string &message,
                                                    const std::vector<std::string> &extraPaths);

} // namespace assay::version
