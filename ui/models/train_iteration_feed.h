#pragma once

#include "model/trainer.h"

#include <mutex>
#include <vector>

namespace assay::ui {

// Hands the training thread's per-round reports to the GUI thread: the trainer pushes
// (cheap, under a mutex), the dialog takes everything pending on its repaint timer. Shared
// by both through a shared_ptr, so a worker that outlives the dialog still writes valid
// memory.
class TrainIterationFeed {
public:
    void push(const model::IterationReport &report);
    std::vector<model::IterationReport> take();

private:
    std::mutex m_mutex;
    std::vector<model::IterationReport> m_pending;
};

} // namespace assay::ui
