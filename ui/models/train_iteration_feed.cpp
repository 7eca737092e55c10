#include "models/train_iteration_feed.h"

namespace assay::ui {

void TrainIterationFeed::push(const model::IterationReport &report)
{
    const std::lock_guard lock(m_mutex);
    m_pending.push_back(report);
}

std::vector<model::IterationReport> TrainIterationFeed::take()
{
    std::vector<model::IterationReport> taken;
    const std::lock_guard lock(m_mutex);
    taken.swap(m_pending);
    return taken;
}

} // namespace assay::ui
