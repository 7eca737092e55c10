#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/hash_state.h"

#include <filesystem>
#include <string>
#include <vector>

namespace assay::version {

struct ListedFile {
    std::string path; // relative to the listed folder, '/'-separated
    FileStamp stamp;  // taken while listing, so hashing need not stat the file again
};

// The regular files under the tracked folder `relativeDir` (relative to the workspace
// `root`), sorted by the bytes of their path. Honours the `.dvcignore` files from the root
// down and DVC's default ignores; a `.dvcignore` inside the folder is an error, as in DVC.
Result<std::vector<ListedFile>> listTrackedFolder(const std::filesystem::path &root,
                                                  const std::string &relativeDir,
                                                  const Progress &progress = {});

} // namespace assay::version
