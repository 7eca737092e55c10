#pragma once

#include "runs/metric_chart_data.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <utility>

namespace assay::ui {

// The metric histories already read, by (run id, key), so changing the x axis, smoothing or
// scale does not read the store again. A history read while its run was still running is
// read again on the next refresh (it may have grown). GUI thread only.
class MetricHistoryCache {
public:
    // The history, or null when it has to be read.
    MetricHistory find(const QString &runId, const QString &key) const;
    void insert(const QString &runId, const QString &key, MetricHistory history,
                bool runWasRunning);
    // Forgets what was read of these runs while they were running, and of every run now
    // listed in `runningNow`.
    void dropLive(const QSet<QString> &runningNow);
    void clear();
    qsizetype size() const { return m_histories.size(); }

private:
    using Entry = std::pair<QString, QString>;
    QHash<Entry, MetricHistory> m_histories;
    QSet<QString> m_readWhileRunning;
};

} // namespace assay::ui
