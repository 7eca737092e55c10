#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace assay::version {

// DVC's text heuristic on the first 512 bytes of a chunk: no NUL and at most 30% of bytes
// outside printable ASCII plus \n \r \t \f \b. Empty counts as text.
bool looksLikeText(std::string_view chunk);

// DVC 2's `md5-dos2unix`: each 1 MiB chunk that looks like text has CRLF folded to LF
// before it is hashed; binary chunks are hashed raw.
Result<std::string> md5Dos2UnixOfFile(const std::filesystem::path &path,
                                      const Progress &progress = {});

} // namespace assay::version
