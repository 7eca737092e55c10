#pragma once

#include "common/parallel_for.h"
#include "common/progress.h"
#include "common/result.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <string>

namespace assay::explain {

// Progress over `steps` equal units of work finished by several threads. The fraction reported
// never goes back, even when threads finish their units out of order; once cancelled (by the
// user, or because a unit gave up) it stays cancelled.
class SharedProgress {
public:
    SharedProgress(const Progress &progress, std::size_t steps, std::string stage);

    void stepDone();
    bool cancelled();

private:
    const Progress &m_progress;
    std::size_t m_steps;
    std::string m_stage;
    std::atomic<std::size_t> m_done{0};
    std::atomic<bool> m_cancelled{false};
    std::mutex m_reporting;
    std::size_t m_reported = 0; // guarded by m_reporting
};

// The number of blocks forEachRowBlock cuts `rows` into.
constexpr std::size_t rowBlockCount(std::size_t rows, std::size_t blockRows)
{
    return (rows + blockRows - 1) / blockRows;
}

// Calls work(first, count) for the rows [0, rows) in blocks of `blockRows`, blocks in parallel
// on `threads` (0: one per core), one step of `progress` per block. Each block owns its rows,
// so the result does not depend on the thread count. Cancelled when `progress` is.
template <typename Work>
Status forEachRowBlock(unsigned threads, std::size_t rows, std::size_t blockRows,
                       SharedProgress &progress, Work &&work)
{
    parallelForOn(threads, rowBlockCount(rows, blockRows), [&](std::size_t block) {
        if (progress.cancelled())
            return;
        const std::size_t first = block * blockRows;
        work(first, std::min(blockRows, rows - first));
        progress.stepDone();
    });
    if (progress.cancelled())
        return Error::cancelled();
    return {};
}

} // namespace assay::explain
