#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/dvc_pointer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace assay::version {

// One `.dvc` pointer of the work tree and the output it describes.
struct TrackedOutput {
    std::string pointerPath; // relative to the workspace root, e.g. "data/credit.csv.dvc"
    std::string outputPath;  // the data it tracks, e.g. "data/credit.csv"
    DvcOutput output;
};

// Every `*.dvc` file under `root`, sorted by path, skipping .git, .dvc, .assay and
// dvcignored folders. A pointer that cannot be read is an error naming it.
Result<std::vector<TrackedOutput>> findTrackedOutputs(const std::filesystem::path &root,
                                                      const Progress &progress = {});

// The outputs `paths` name (each the data path or its `.dvc`, absolute or relative to the
// root); all outputs when `paths` is empty. An unknown path is an error naming it.
Result<std::vector<TrackedOutput>> selectTrackedOutputs(const std::filesystem::path &root,
                                                        const std::vector<std::string> &paths,
                                                        const Progress &progress = {});

// The outputs named by `.dvc` blobs in every commit reachable from HEAD, a branch or a tag of
// the git repository holding `root`, so every version in history stays reproducible. Empty
// when there is no repository. Unreadable blobs are skipped.
Result<std::vector<DvcOutput>> outputsInGitRefs(const std::filesystem::path &root);

} // namespace assay::version
