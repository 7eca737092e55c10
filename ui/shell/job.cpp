#include "shell/job.h"

namespace assay::ui {

Job::Job(QString title, QObject *parent)
    : QObject(parent), m_title(std::move(title)), m_state(std::make_shared<JobProgressState>())
{
    std::shared_ptr<JobProgressState> state = m_state;
    m_progress = Progress(
        [state](double fraction, std::string_view stage) {
            state->fraction.store(fraction, std::memory_order_relaxed);
            if (!stage.empty()) {
                std::lock_guard lock(state->stageMutex);
                state->stage.assign(stage);
            }
        },
        m_token);
}

QString Job::stage() const
{
    std::lock_guard lock(m_state->stageMutex);
    return QString::fromStdString(m_state->stage);
}

void Job::cancel()
{
    if (m_token.isCancelled())
        return;
    m_token.cancel();
    emit cancelRequested();
}

void Job::poll()
{
    const double now = fraction();
    const QString currentStage = stage();
    if (now == m_lastFraction && currentStage == m_lastStage)
        return;
    m_lastFraction = now;
    m_lastStage = currentStage;
    emit progressChanged();
}

} // namespace assay::ui
