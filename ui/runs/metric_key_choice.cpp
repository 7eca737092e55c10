#include "runs/metric_key_choice.h"

#include <algorithm>
#include <set>

namespace assay::ui {

namespace {

int preference(const QString &key)
{
    const QString lower = key.toLower();
    const bool loss = lower.contains(QStringLiteral("loss"));
    if (loss && lower.contains(QStringLiteral("val")))
        return 0;
    return loss ? 1 : 2;
}

} // namespace

QStringList metricKeysOf(const RunsSnapshot &snapshot, const QStringList &runIds)
{
    std::set<std::string> keys;
    for (const QString &runId : runIds)
        if (const track::RunRecord *run = snapshot.find(runId))
            for (const auto &entry : run->latestMetrics)
                keys.insert(entry.first);
    QStringList list;
    for (const std::string &key : keys)
        list << QString::fromStdString(key);
    return list;
}

QString defaultMetricKey(const RunsSnapshot &snapshot, const QStringList &runIds)
{
    const QStringList all = metricKeysOf(snapshot, runIds);
    QStringList shared = all;
    for (const QString &runId : runIds) {
        const track::RunRecord *run = snapshot.find(runId);
        if (!run || run->latestMetrics.empty())
            continue;
        shared.removeIf(
            [run](const QString &key) { return !run->latestMetrics.contains(key.toStdString()); });
    }
    return preferredMetricKey(shared.isEmpty() ? all : shared);
}

QString preferredMetricKey(const QStringList &candidates)
{
    const auto best = std::min_element(
        candidates.begin(), candidates.end(), [](const QString &a, const QString &b) {
            // The plainest name wins a tie: "val_loss" over "best_val_loss", a summary.
            return std::pair(preference(a), a.size()) < std::pair(preference(b), b.size());
        });
    return best == candidates.end() ? QString() : *best;
}

QString runDisplayName(const track::RunRecord &run)
{
    if (!run.info.name.empty())
        return QString::fromStdString(run.info.name);
    return QString::fromStdString(run.info.runId.substr(0, 8));
}

} // namespace assay::ui
