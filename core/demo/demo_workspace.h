#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <cstdint>
#include <filesystem>

namespace assay::demo {

struct DemoOptions {
    std::size_t rows = 24000;
    std::uint64_t seed = 20260115;
};

// Creates (or refuses to overwrite) a realistic workspace in `dir`: a credit-risk dataset
// at data/credit.csv tracked DVC-style and committed, then a drifted second version
// committed as a later revision. Same options give the same bytes and the same commits.
Status createDemoWorkspace(const std::filesystem::path &dir, const DemoOptions &options = {},
                           const Progress &progress = {});

} // namespace assay::demo
