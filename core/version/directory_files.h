#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace assay::version {

// The regular files under the tracked folder `relativeDir` (relative to the workspace
// `root`), as paths relative to that folder, sorted by bytes. Honours the `.dvcignore` files
// from the root down and DVC's default ignores; a `.dvcignore` inside the folder is an error,
// as in DVC.
Result<std::vector<std::string>> listTrackedFolder(const std::filesystem::path &root,
                                                   const std::string &relativeDir,
                                                   const Progress &progress = {});

} // namespace assay::version
