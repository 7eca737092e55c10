#pragma once

#include "drift/dataset_sample.h"
#include "drift/drift.h"

namespace assay::drift {

// A reference sampled and sorted once, then compared with many current tables: the windows
// of a monitored model's logs. Gives the same results as computeDrift(reference, current).
class PreparedReference {
public:
    PreparedReference(const table::Table &reference, std::string displayName);

    // Not for concurrent calls on one object (the columns are tested in parallel inside).
    Result<DatasetDrift> compare(const table::Table &current, const DriftOptions &options,
                                 const Progress &progress = {});

private:
    DatasetSample m_sample;
};

} // namespace assay::drift
