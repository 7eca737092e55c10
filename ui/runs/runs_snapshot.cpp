#include "runs/runs_snapshot.h"

#include "workspace/workspace.h"

#include <set>

namespace assay::ui {

namespace {

QStringList sortedKeys(const std::set<std::string> &keys)
{
    QStringList list;
    list.reserve(static_cast<qsizetype>(keys.size()));
    for (const std::string &key : keys)
        list.append(QString::fromStdString(key));
    return list;
}

} // namespace

const track::RunRecord *RunsSnapshot::find(const std::string &runId) const
{
    const auto found = indexById.find(runId);
    return found == indexById.end() ? nullptr : &runs[found->second];
}

RunsSnapshot makeRunsSnapshot(std::vector<track::RunRecord> runs)
{
    RunsSnapshot snapshot;
    std::set<std::string> experiments;
    snapshot.indexById.reserve(runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const track::RunRecord &run = runs[i];
        snapshot.indexById.emplace(run.info.runId, i);
        experiments.insert(run.info.experiment);
    }
    const track::RunKeys keys = track::keysOf(runs);
    snapshot.runs = std::move(runs);
    snapshot.experiments = sortedKeys(experiments);
    snapshot.paramKeys = sortedKeys(keys.params);
    snapshot.metricKeys = sortedKeys(keys.metrics);
    snapshot.tagKeys = sortedKeys(keys.tags);
    return snapshot;
}

Result<RunsSnapshot> loadRunsSnapshot(const std::filesystem::path &root)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    track::RunQuery query;
    query.deleted = track::DeletedRuns::Include;
    auto listed = track::listRuns(workspace->database(), query);
    if (!listed)
        return listed.error();
    return makeRunsSnapshot(std::move(*listed));
}

} // namespace assay::ui
