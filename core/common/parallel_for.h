#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace assay {

// Calls work(i) for every i in [0, count) on `threadCount` threads (0: one per core); items are
// handed out one at a time, so uneven items balance. work must be thread-safe; the call returns
// when all items are done. A work item that wants to stop early simply returns.
template <typename Work>
void parallelForOn(unsigned threadCount, std::size_t count, Work &&work)
{
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++)
            work(i);
    };
    if (threadCount == 0)
        threadCount = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>(threadCount, count);
    if (threads <= 1) {
        worker();
        return;
    }
    std::vector<std::jthread> pool;
    for (std::size_t t = 0; t < threads; ++t)
        pool.emplace_back(worker);
}

// The same on one thread per core. Work that mostly waits in system calls (stat on many files)
// may ask for several threads per core.
template <typename Work>
void parallelFor(std::size_t count, Work &&work, unsigned threadsPerCore = 1)
{
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    parallelForOn(cores * threadsPerCore, count, work);
}

} // namespace assay
