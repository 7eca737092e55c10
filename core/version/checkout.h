#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/hash_state.h"

#include <filesystem>
#include <string>
#include <vector>

namespace assay::version {

// A file or output that could not be restored, and why.
struct CheckoutProblem {
    std::string path;   // relative to the workspace root
    std::string reason; // e.g. "cache object .dvc/cache/files/md5/ab/… is corrupted …"
};

struct CheckoutReport {
    std::vector<std::string> restored; // files written, relative to the root
    std::size_t unchanged = 0;         // files already right, left alone
    std::vector<CheckoutProblem> problems;
    bool ok() const { return problems.empty(); }
};

// `dvc checkout`: makes the work tree match the pointers (all, or those `paths` name) from
// the cache. Every object is verified against its name before use; a corrupted or missing
// one is reported and never used. Files are written through a temporary name and renamed.
Result<CheckoutReport> checkout(const std::filesystem::path &root, HashState &state,
                                const std::vector<std::string> &paths = {},
                                const Progress &progress = {});

} // namespace assay::version
