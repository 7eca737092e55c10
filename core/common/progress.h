#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string_view>

namespace assay {

// Shared flag a caller sets to ask long work to stop. Copies share the flag.
class CancellationToken {
public:
    CancellationToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}

    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    std::shared_ptr<std::atomic<bool>> m_flag;
};

// Where long work reports how far it got (a fraction in [0, 1] and a short stage name)
// and learns whether it should stop. A default-constructed Progress reports nowhere and
// is never cancelled. report() may be called from any thread; the callback must be
// thread-safe and cheap (the CLI and GUI throttle drawing themselves).
class Progress {
public:
    using Callback = std::function<void(double fraction, std::string_view stage)>;

    Progress() = default;
    Progress(Callback callback, CancellationToken token)
        : m_callback(std::move(callback)), m_token(std::move(token)) {}

    void report(double fraction, std::string_view stage = {}) const {
        if (m_callback)
            m_callback(fraction, stage);
    }
    bool isCancelled() const { return m_token.isCancelled(); }
    const CancellationToken &token() const { return m_token; }

private:
    Callback m_callback;
    CancellationToken m_token;
};

} // namespace assay
