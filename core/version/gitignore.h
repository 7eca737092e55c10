#pragma once

#include "common/result.h"

#include <filesystem>

namespace assay::version {

// Adds the line "/<name>" for `target` to the .gitignore beside it, as `dvc add` does:
// glob characters escaped, a newline added first when the file lacks a final one, no
// duplicate lines. Returns true when the file changed.
Result<bool> ignoreInGit(const std::filesystem::path &target);

} // namespace assay::version
