#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace assay::version {

struct GcReport {
    std::vector<std::string> removed; // cache objects, relative to the workspace root
    std::uint64_t bytesFreed = 0;
    std::size_t kept = 0;
    bool dryRun = false;
};

// `dvc gc --all-branches --all-tags --workspace`: keeps every object named by a `.dvc`
// pointer in the work tree or in the tree of HEAD, a branch or a tag (folders keep their
// `.dir` object and its files), and removes the other objects from both cache layouts.
// With `dryRun` nothing is removed; the report lists what would go.
Result<GcReport> collectGarbage(const std::filesystem::path &root, bool dryRun,
                                const Progress &progress = {});

} // namespace assay::version
