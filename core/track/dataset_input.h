#pragma once

#include "common/result.h"
#include "track/run_record.h"

#include <filesystem>
#include <string>

namespace assay::track {

// Describes a dataset a run reads: `path` (a file or folder, or its `.dvc` pointer), named
// by `name` (the file name when empty). The md5 comes from the DVC pointer next to it, or is
// hashed from the file when DVC does not track it; the revision is the git HEAD commit. The
// stored path is relative to `workspaceRoot` when inside it.
Result<DatasetInput> describeDataset(const std::filesystem::path &workspaceRoot,
                                     const std::filesystem::path &path, std::string name,
                                     std::string context);

} // namespace assay::track
