#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/dvc_pointer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace assay::version {

struct AddedOutput {
    DvcOutput output;
    std::vector<std::string> changedFiles; // pointer and .gitignore, relative to the root
};

// `dvc add` for one file under the workspace `root`: the object goes into the 3.x cache
// (read-only), `<file>.dvc` is written beside it, and "/<file>" is ignored in git.
Result<AddedOutput> addFile(const std::filesystem::path &root, const std::string &relativePath,
                            const Progress &progress = {});

} // namespace assay::version
