#include "explain/row_blocks.h"

#include <algorithm>

namespace assay::explain {

SharedProgress::SharedProgress(const Progress &progress, std::size_t steps, std::string stage)
    : m_progress(progress), m_steps(std::max<std::size_t>(1, steps)), m_stage(std::move(stage))
{
}

void SharedProgress::stepDone()
{
    const std::size_t done = ++m_done;
    const std::lock_guard lock(m_reporting);
    if (done <= m_reported)
        return; // a later step has been reported already
    m_reported = done;
    m_progress.report(double(done) / double(m_steps), m_stage);
}

bool SharedProgress::cancelled()
{
    if (!m_cancelled.load(std::memory_order_relaxed) && m_progress.isCancelled())
        m_cancelled = true;
    return m_cancelled.load(std::memory_order_relaxed);
}

} // namespace assay::explain
