#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace assay::version {

// One version of a tracked dataset: a commit that changed its `.dvc` pointer.
struct DatasetVersion {
    std::string commit;      // full hex id
    std::int64_t time = 0;   // commit time, seconds since the epoch
    std::string author;
    std::string email;
    std::string message;     // first line
    std::string md5;
    std::uint64_t size = 0;
    std::optional<std::uint64_t> nfiles;
    std::optional<std::uint64_t> rows; // known once Assay has read that content
    std::optional<std::uint64_t> columns;
};

// The versions of `datasetPath` (a data file or folder tracked by `datasetPath.dvc`), newest
// first, from the git history of HEAD. `datasetPath` may be absolute or relative to the
// current directory; it must lie in a git work tree.
Result<std::vector<DatasetVersion>> datasetHistory(const std::filesystem::path &datasetPath);

} // namespace assay::version
