#include "terminal_progress.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <unistd.h>

namespace assay::cli {

struct TerminalProgress::State {
    std::mutex mutex;
    bool enabled = false;
    bool drawn = false;
    std::chrono::steady_clock::time_point lastDraw;
};

TerminalProgress::TerminalProgress(CancellationToken token)
    : m_state(std::make_shared<State>()), m_token(std::move(token))
{
    m_state->enabled = ::isatty(STDERR_FILENO) == 1;
}

TerminalProgress::~TerminalProgress()
{
    std::lock_guard lock(m_state->mutex);
    if (m_state->drawn)
        std::fputs("\r\033[K", stderr);
}

Progress TerminalProgress::progress() const
{
    if (!m_state->enabled)
        return Progress({}, m_token);
    std::shared_ptr<State> state = m_state;
    return Progress(
        [state](double fraction, std::string_view stage) {
            std::lock_guard lock(state->mutex);
            const auto now = std::chrono::steady_clock::now();
            if (state->drawn && fraction < 1.0 && now - state->lastDraw < std::chrono::milliseconds(100))
                return;
            state->lastDraw = now;
            state->drawn = true;
            constexpr int width = 30;
            const int filled = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * width);
            const std::string bar = std::string(filled, '#') + std::string(width - filled, ' ');
            std::fprintf(stderr, "\r\033[K[%s] %3d%% %.*s", bar.c_str(),
                         static_cast<int>(fraction * 100), static_cast<int>(stage.size()),
                         stage.data());
            std::fflush(stderr);
        },
        m_token);
}

} // namespace assay::cli
