#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace assay {

// Calls work(i) for every i in [0, count) on up to one thread per core; items are handed out
// one at a time, so uneven items balance. work must be thread-safe; the call returns when all
// items are done. A work item that wants to stop early simply returns. Work that mostly
// waits in system calls (stat on many files) may ask for several threads per core.
template <typename Work>
void parallelFor(std::size_t count, Work &&work, unsigned threadsPerCore = 1)
{
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t i = next++; i < count; i = next++)
            work(i);
    };
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min<std::size_t>(cores * threadsPerCore, count);
    if (threads <= 1) {
        worker();
        return;
    }
    std::vector<std::jthread> pool;
    for (std::size_t t = 0; t < threads; ++t)
        pool.emplace_back(worker);
}

} // namespace assay
