#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/dataset_ref.h"

#include <string>

namespace assay::explain {

// The md5 that keys an explanation's data: the dataset version's own (its DVC pointer's) when
// known, else the md5 of its bytes, so a working-tree file and the same version read at a
// revision share their cached explanations.
Result<std::string> explainedDataMd5(const version::ResolvedDataset &resolved,
                                     const Progress &progress = {});

} // namespace assay::explain
