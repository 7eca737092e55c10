#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace assay::workspace {

// A table file in the workspace: tracked by a DVC pointer (`x.csv.dvc`) or simply present.
struct DatasetEntry {
    std::string relativePath;  // posix-style, relative to the workspace root, e.g. "data/credit.csv"
    std::uint64_t sizeBytes = 0;
    bool tracked = false;      // a .dvc pointer file names it
    std::string md5;           // from the pointer file; empty when untracked
    bool presentInWorkspace = true; // false when only the pointer exists (not checked out)
};

// The CSV/TSV/JSON Lines files under `root`, skipping .git, .dvc, .assay and
// DVC-ignored folders; sorted by path.
std::vector<DatasetEntry> findDatasets(const std::filesystem::path &root);

} // namespace assay::workspace
