#pragma once

#include "common/progress.h"

#include <memory>

namespace assay::cli {

// A progress bar drawn on stderr, only when stderr is a terminal; redraws at most ten
// times a second and erases itself when destroyed.
class TerminalProgress {
public:
    explicit TerminalProgress(CancellationToken token);
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress &) = delete;
    TerminalProgress &operator=(const TerminalProgress &) = delete;

    Progress progress() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
    CancellationToken m_token;
};

} // namespace assay::cli
