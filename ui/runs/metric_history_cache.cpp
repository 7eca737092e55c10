#include "runs/metric_history_cache.h"

namespace assay::ui {

MetricHistory MetricHistoryCache::find(const QString &runId, const QString &key) const
{
    return m_histories.value(Entry{runId, key});
}

void MetricHistoryCache::insert(const QString &runId, const QString &key, MetricHistory history,
                                bool runWasRunning)
{
    m_histories.insert(Entry{runId, key}, std::move(history));
    if (runWasRunning)
        m_readWhileRunning.insert(runId);
}

void MetricHistoryCache::dropLive(const QSet<QString> &runningNow)
{
    const QSet<QString> stale = m_readWhileRunning + runningNow;
    if (stale.isEmpty())
        return;
    m_histories.removeIf([&stale](const auto &entry) { return stale.contains(entry.key().first); });
    m_readWhileRunning.clear();
}

void MetricHistoryCache::clear()
{
    m_histories.clear();
    m_readWhileRunning.clear();
}

} // namespace assay::ui
