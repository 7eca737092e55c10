#pragma once

#include "common/result.h"

#include <filesystem>
#include <string_view>

namespace assay {

// Writes `bytes` to `path` through a temporary file in the same folder, flushed and then
// renamed over the target, so readers see the old content or the new one, never a part.
Status writeFileAtomically(const std::filesystem::path &path, std::string_view bytes);

// Reads a whole file; the error names the path.
Result<std::string> readFile(const std::filesystem::path &path);

} // namespace assay
