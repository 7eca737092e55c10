#include "drift/prepared_reference.h"

namespace assay::drift {

PreparedReference::PreparedReference(const table::Table &reference, std::string displayName)
    : m_sample(sampleTable(reference, std::move(displayName), {}))
{
    for (ColumnSample &column : m_sample.samples)
        column.keepSortedNumbers();
}

Result<DatasetDrift> PreparedReference::compare(const table::Table &current, const DriftOptions &options,
                                                const Progress &progress)
{
    DatasetSample sample = sampleTable(current, "current", options.columns);
    return compareSamples(m_sample, sample, options, progress);
}

} // namespace assay::drift
