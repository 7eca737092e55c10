#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <type_traits>
#include <vector>

namespace assay::model {

// A fixed set of threads for the many short parallel steps of a training run (a boosting
// round has dozens). Unlike assay::parallelFor it keeps its threads between calls and honours
// an exact thread count. Idle workers spin briefly, then sleep on a futex.
class WorkerPool {
public:
    // threads == 0: one per core. The calling thread counts as one of them.
    explicit WorkerPool(unsigned threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    unsigned size() const { return static_cast<unsigned>(m_threads.size()) + 1; }

    // Calls work(item, worker) for every item in [0, count), items handed out one at a time;
    // worker in [0, size()) names the thread, for per-thread scratch. Returns when all are done.
    // work must not throw.
    template <typename Work> void run(std::size_t count, Work &&work)
    {
        if (count == 0)
            return;
        if (m_threads.empty() || count == 1) {
            for (std::size_t item = 0; item < count; ++item)
                work(item, 0u);
            return;
        }
        dispatch(count, &work, [](void *context, std::size_t item, unsigned worker) {
            (*static_cast<std::remove_reference_t<Work> *>(context))(item, worker);
        });
    }

private:
    using Invoke = void (*)(void *context, std::size_t item, unsigned worker);

    void dispatch(std::size_t count, void *context, Invoke invoke);
    void workLoop(unsigned worker);
    void takeItems(unsigned worker);

    std::vector<std::jthread> m_threads;
    void *m_context = nullptr;
    Invoke m_invoke = nullptr;
    std::size_t m_count = 0;
    std::atomic<std::size_t> m_next{0};
    std::atomic<unsigned> m_busyWorkers{0};
    std::atomic<std::uint64_t> m_generation{0};
    std::atomic<bool> m_stopping{false};
};

} // namespace assay::model
