#include "model/worker_pool.h"

#include <algorithm>

namespace assay::model {

namespace {

// About 20 µs of spinning: long enough to catch the next step of a boosting round without
// a futex round trip, short enough not to burn a shared core while training is idle.
constexpr int kSpinIterations = 4000;

inline void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

} // namespace

WorkerPool::WorkerPool(unsigned threads)
{
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned worker = 1; worker < threads; ++worker)
        m_threads.emplace_back([this, worker] { workLoop(worker); });
}

WorkerPool::~WorkerPool()
{
    m_stopping.store(true, std::memory_order_relaxed);
    m_generation.fetch_add(1, std::memory_order_release);
    m_generation.notify_all();
    m_threads.clear(); // joins
}

void WorkerPool::dispatch(std::size_t count, void *context, Invoke invoke)
{
    m_context = context;
    m_invoke = invoke;
    m_count = count;
    m_next.store(0, std::memory_order_relaxed);
    m_busyWorkers.store(static_cast<unsigned>(m_threads.size()), std::memory_order_relaxed);
    m_generation.fetch_add(1, std::memory_order_release);
    m_generation.notify_all();
    takeItems(0);
    for (int spins = 0; m_busyWorkers.load(std::memory_order_acquire) != 0; ++spins) {
        if (spins < kSpinIterations)
            cpuRelax();
        else
            std::this_thread::yield();
    }
}

void WorkerPool::takeItems(unsigned worker)
{
    for (std::size_t item = m_next.fetch_add(1, std::memory_order_relaxed); item < m_count;
         item = m_next.fetch_add(1, std::memory_order_relaxed))
        m_invoke(m_context, item, worker);
}

void WorkerPool::workLoop(unsigned worker)
{
    std::uint64_t seen = 0;
    for (;;) {
        for (int spins = 0;
             spins < kSpinIterations && m_generation.load(std::memory_order_acquire) == seen;
             ++spins)
            cpuRelax();
        m_generation.wait(seen, std::memory_order_acquire);
        seen = m_generation.load(std::memory_order_acquire);
        if (m_stopping.load(std::memory_order_relaxed))
            return;
        takeItems(worker);
        m_busyWorkers.fetch_sub(1, std::memory_order_acq_rel);
    }
}

} // namespace assay::model
