#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "table/reader.h"
#include "table/table.h"
#include "version/dataset_ref.h"

#include <string>

namespace assay::explain {

// The md5 that keys an explanation's data: the dataset version's own (its DVC pointer's) when
// known, else the md5 of its bytes, so a working-tree file and the same version read at a
// revision share their cached explanations.
Result<std::string> explainedDataMd5(const version::ResolvedDataset &resolved,
                                     const Progress &progress = {});

// The data of an explanation, read as `assay explain --data` names it.
struct ExplainedData {
    table::Table table;
    std::string md5; // explainedDataMd5 of the version read
};

// Reads the dataset version `source` names ("data/credit.csv", "data/credit.csv@HEAD~1", a
// path relative to the working directory or absolute) with its md5: the CLI and the
// workbench key their cached explanations the same way.
Result<ExplainedData> readExplainedData(const std::string &source, table::ReadOptions options = {},
                                        const Progress &progress = {});

} // namespace assay::explain
