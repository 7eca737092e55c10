#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <filesystem>
#include <string>

namespace assay::version {

// Lower-case hex MD5 of a file's raw bytes, read in 1 MiB blocks (DVC 3's `md5` hash).
Result<std::string> md5OfFile(const std::filesystem::path &path, const Progress &progress = {});

} // namespace assay::version
