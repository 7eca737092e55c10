#pragma once

#include "model/feature_binning.h"
#include "model/split_finder.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace assay::model {

class WorkerPool;

// A node's rows: [begin, end) of the partitioner's row list.
struct RowRange {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const { return end - begin; }
};

// Keeps the training rows of a growing tree grouped by node: each node owns a contiguous
// range, and splitting a node reorders its range into its left rows then its right rows, each
// in their previous (ascending) order, so histograms read the bins front to back.
class RowPartitioner {
public:
    explicit RowPartitioner(WorkerPool &pool) : m_pool(pool) {}

    void reset(std::span<const std::uint32_t> rows);
    std::span<const std::uint32_t> rows(RowRange range) const
    {
        return {m_rows.data() + range.begin, range.size()};
    }

    struct Request {
        RowRange range;
        const Split *split;
    };
    // Splits every request's range in place; returns how many rows of each went left.
    std::vector<std::size_t> partition(std::span<const Request> requests, const BinnedMatrix &bins);

private:
    WorkerPool &m_pool;
    std::vector<std::uint32_t> m_rows;
    std::vector<std::uint32_t> m_left; // scratch, same positions as m_rows
    std::vector<std::uint32_t> m_right;
};

// Whether a row whose bin (of the split's feature) is `bin` goes left.
inline bool goesLeft(int bin, const Split &split, const FeatureBins &feature)
{
    const bool valueLeft = split.categorical ? bin == split.bin : bin <= split.bin;
    return bin == feature.missingBin ? split.defaultLeft : valueLeft;
}

} // namespace assay::model
