#include "model/row_partitioner.h"

#include "model/worker_pool.h"

#include <algorithm>

namespace assay::model {

namespace {

constexpr std::size_t kRowsPerTask = 8192;

struct Block {
    std::size_t request;
    std::size_t begin, end; // positions in the row list
    std::size_t leftCount = 0;
    std::size_t leftOffset = 0, rightOffset = 0; // where its rows go, within the request's range
};

} // namespace

void RowPartitioner::reset(std::span<const std::uint32_t> rows)
{
    m_rows.assign(rows.begin(), rows.end());
    m_left.resize(rows.size());
    m_right.resize(rows.size());
}

std::vector<std::size_t> RowPartitioner::partition(std::span<const Request> requests,
                                                   const BinnedMatrix &bins)
{
    std::vector<Block> blocks;
    for (std::size_t request = 0; request < requests.size(); ++request) {
        const RowRange range = requests[request].range;
        for (std::size_t begin = range.begin; begin < range.end; begin += kRowsPerTask)
            blocks.push_back({request, begin, std::min(range.end, begin + kRowsPerTask)});
    }
    m_pool.run(blocks.size(), [&](std::size_t index, unsigned) {
        Block &block = blocks[index];
        const Split &split = *requests[block.request].split;
        const auto column = static_cast<std::size_t>(split.feature);
        const FeatureBins &feature = bins.feature(column);
        std::size_t left = block.begin, right = block.begin;
        // Branch-free: the direction is a coin flip the predictor cannot learn.
        for (std::size_t i = block.begin; i < block.end; ++i) {
            const std::uint32_t row = m_rows[i];
            const bool toLeft = goesLeft(bins.bin(row, column), split, feature);
            m_left[left] = row;
            m_right[right] = row;
            left += toLeft;
            right += !toLeft;
        }
        block.leftCount = left - block.begin;
    });

    std::vector<std::size_t> leftCounts(requests.size(), 0);
    for (const Block &block : blocks)
        leftCounts[block.request] += block.leftCount;
    std::vector<std::size_t> leftSoFar(requests.size(), 0), rightSoFar(requests.size(), 0);
    for (Block &block : blocks) {
        block.leftOffset = leftSoFar[block.request];
        block.rightOffset = leftCounts[block.request] + rightSoFar[block.request];
        leftSoFar[block.request] += block.leftCount;
        rightSoFar[block.request] += block.end - block.begin - block.leftCount;
    }
    m_pool.run(blocks.size(), [&](std::size_t index, unsigned) {
        const Block &block = blocks[index];
        const std::size_t start = requests[block.request].range.begin;
        const std::size_t rightCount = block.end - block.begin - block.leftCount;
        std::copy_n(m_left.begin() + static_cast<std::ptrdiff_t>(block.begin), block.leftCount,
                    m_rows.begin() + static_cast<std::ptrdiff_t>(start + block.leftOffset));
        std::copy_n(m_right.begin() + static_cast<std::ptrdiff_t>(block.begin), rightCount,
                    m_rows.begin() + static_cast<std::ptrdiff_t>(start + block.rightOffset));
    });
    return leftCounts;
}

} // namespace assay::model
