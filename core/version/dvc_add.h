#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/dvc_pointer.h"
#include "version/hash_state.h"

#include <filesystem>
#include <string>
#include <vector>

namespace assay::version {

struct AddedOutput {
    DvcOutput output;
    std::vector<std::string> changedFiles; // pointer and .gitignore, relative to the root
    std::string pointerPath;               // relative to the root, e.g. "data/credit.csv.dvc"
    bool unchanged = false; // the pointer already described this content: nothing was written
};

// `dvc add` for one file under the workspace `root`: the object goes into the 3.x cache
// (read-only), `<file>.dvc` is written beside it, and "/<file>" is ignored in git.
Result<AddedOutput> addFile(const std::filesystem::path &root, const std::string &relativePath,
                            const Progress &progress = {});

// `dvc add` for a file or a folder. `path` is absolute or relative to `root`; paths outside
// the workspace (or inside .git, .dvc, .assay) are refused. A folder's files are hashed in
// parallel and stored with its `.dir` manifest. Adding unchanged content writes nothing.
// `state` spares re-hashing files whose inode, size and mtime are known; it is saved here.
Result<AddedOutput> addPath(const std::filesystem::path &root, const std::filesystem::path &path,
                            HashState &state, const Progress &progress = {});

// `path` (absolute or relative to `root`) as a '/'-separated path relative to the root;
// an error naming the path when it lies outside the workspace.
Result<std::string> workspaceRelative(const std::filesystem::path &root,
                                      const std::filesystem::path &path);

} // namespace assay::version
