#pragma once

// Which bytes the gate's data checks read.
#include "common/result.h"
#include "track/run_record.h"
#include "version/dataset_ref.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace assay::govern {

// A dataset ref as the gate names it ("data/credit.csv@v1"); a relative path is taken from
// the workspace root, not the working directory.
version::DatasetRef workspaceDatasetRef(const std::filesystem::path &root, const std::string &text);

// The dataset the run logged with `context` ("training", "test"), as a ref that reads the same
// bytes: the path at the run's recorded revision when its md5 matches there, else the
// working-tree file when that matches. NotFound when the run logged no such dataset, or when
// neither place holds the recorded bytes any more (the message names path, md5 and revision).
Result<version::DatasetRef> runDatasetRef(const std::filesystem::path &root, const track::RunRecord &run,
                                          std::string_view context);

// "data/credit.csv@3f2a9c1": a ref for people, relative to the root, the revision shortened.
std::string datasetLabel(const std::filesystem::path &root, const version::DatasetRef &ref);

} // namespace assay::govern
