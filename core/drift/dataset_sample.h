#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "drift/column_sample.h"
#include "table/reader.h"
#include "table/table.h"
#include "version/dataset_ref.h"

#include <optional>
#include <string>
#include <vector>

namespace assay::drift {

// One side of a drift comparison, read chunk by chunk: every column name in file order,
// and a ColumnSample for each column that is compared (all, or those `wanted` names).
struct DatasetSample {
    std::string displayName;
    std::uint64_t rows = 0;
    std::vector<std::string> columnNames;
    std::vector<ColumnSample> samples; // one per wanted column present, in file order

    ColumnSample *sample(std::string_view name);
};

// Streams `ref` (a file or PATH@REV) through table::forEachChunk. `wanted` empty: every column.
Result<DatasetSample> sampleDataset(const version::DatasetRef &ref, const table::ReadOptions &options,
                                    const std::vector<std::string> &wanted, const Progress &progress);

// The same over a table already in memory.
DatasetSample sampleTable(const table::Table &table, std::string displayName,
                          const std::vector<std::string> &wanted);

// Tests every column both samples share; consumes the samples' numbers (see compareColumn).
struct DriftOptions;
struct DatasetDrift;
Result<DatasetDrift> compareSamples(DatasetSample &reference, DatasetSample &current,
                                    const DriftOptions &options, const Progress &progress);

} // namespace assay::drift
