#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/hash_state.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace assay::version {

struct HashedFile {
    std::string md5;
    std::uint64_t size = 0;
    bool fromState = false; // true when the state table vouched for it (not re-read)
};

// Hashes files (relative to `root`) under `hashName`, on all cores; the state answers for
// files whose inode, size and mtime did not change, and learns the new hashes (the caller
// saves it). The result is in the order of `relativePaths`, whatever the thread count.
// `knownStamps`, when given, holds each file's stamp already taken (e.g. while listing).
Result<std::vector<HashedFile>> hashFiles(const std::filesystem::path &root,
                                          const std::vector<std::string> &relativePaths,
                                          std::string_view hashName, HashState &state,
                                          const Progress &progress = {},
                                          const std::vector<FileStamp> *knownStamps = nullptr);

} // namespace assay::version
