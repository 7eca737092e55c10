#pragma once

#include "common/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace assay::version {

// Creates what `dvc init` creates and is missing under `root`: .dvc/config (empty),
// .dvc/.gitignore, .dvc/tmp/ and .dvcignore. Existing files are left untouched.
// Returns the files it added, relative to `root`.
Result<std::vector<std::string>> ensureDvcLayout(const std::filesystem::path &root);

// The 3.x cache object path of an md5 (with ".dir" suffix for directories).
std::filesystem::path cacheObjectPath(const std::filesystem::path &root, const std::string &md5);

} // namespace assay::version
