#include "track/tracking_store.h"

#include "track/clock.h"
#include "track/write_retry.h"
#include "workspace/workspace.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace assay::track {

namespace {

MetricPoint pointFromRow(const workspace::Statement &row, int stepColumn)
{
    MetricPoint point;
    point.step = row.columnInt(stepColumn);
    point.timestampMs = row.columnInt(stepColumn + 1);
    point.value = row.columnInt(stepColumn + 3) != 0 ? std::numeric_limits<double>::quiet_NaN()
                                                     : row.columnDouble(stepColumn + 2);
    return point;
}

std::string currentUser()
{
    for (const char *name : {"USER", "LOGNAME", "USERNAME"})
        if (const char *value = std::getenv(name); value && *value)
            return value;
    return {};
}

} // namespace

Result<TrackingStore> TrackingStore::open(workspace::Workspace &workspace)
{
    auto version = workspace.database().userVersion();
    if (!version)
        return version.error();
    if (*version < 4)
        return Error::internal(workspace.database().path().string() +
                               ": the tracking tables are missing (schema version " +
                               std::to_string(*version) + ")");
    return TrackingStore(&workspace.database(), workspace.root());
}

Result<std::int64_t> TrackingStore::experimentId(const std::string &name)
{
    auto select = m_database->prepare(
        "SELECT experiment_id FROM experiments WHERE name = ?1 AND deleted = 0");
    if (!select)
        return select.error();
    select->bind(1, name);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound("no experiment named '" + name + "'");
    return select->columnInt(0);
}

Result<std::int64_t> TrackingStore::createExperiment(const std::string &name)
{
    if (name.empty())
        return Error::invalidInput("an experiment needs a name");
    std::int64_t id = 0;
    ASSAY_TRY(writeWithRetry(*m_database, [&]() -> Status {
        auto existing = m_database->prepare("SELECT 1 FROM experiments WHERE name = ?1");
        if (!existing)
            return existing.error();
        existing->bind(1, name);
        auto row = existing->step();
        if (!row)
            return row.error();
        if (*row)
            return Error::invalidInput("experiment '" + name + "' already exists");
        auto insert =
            m_database->prepare("INSERT INTO experiments(name, created_ms) VALUES (?1, ?2)");
        if (!insert)
            return insert.error();
        insert->bind(1, name).bind(2, nowMs());
        ASSAY_TRY(insert->run());
        auto idQuery = m_database->prepare("SELECT last_insert_rowid()");
        if (!idQuery)
            return idQuery.error();
        ASSAY_TRY(idQuery->step());
        id = idQuery->columnInt(0);
        return {};
    }));
    return id;
}

Result<std::int64_t> TrackingStore::ensureExperiment(const std::string &name)
{
    if (auto id = experimentId(name); id || id.error().kind != ErrorKind::NotFound)
        return id;
    auto created = createExperiment(name);
    // Another process may have created it between the two calls, or it is deleted.
    if (!created && created.error().kind == ErrorKind::InvalidInput) {
        auto existing = experimentId(name);
        if (!existing && existing.error().kind == ErrorKind::NotFound)
            return Error::invalidInput("experiment '" + name +
                                       "' is deleted; restore it or choose another name");
        return existing;
    }
    return created;
}

Result<std::string> TrackingStore::startRun(RunInfo info)
{
    if (info.runId.empty())
        info.runId = newRunId();
    if (info.experiment.empty())
        info.experiment = std::string(kDefaultExperiment);
    if (!info.startMs)
        info.startMs = nowMs();
    if (info.user.empty())
        info.user = currentUser();
    auto experiment = ensureExperiment(info.experiment);
    if (!experiment)
        return experiment.error();
    if (info.parentRunId)
        ASSAY_TRY(requireRun(*info.parentRunId));
    ASSAY_TRY(writeWithRetry(*m_database, [&]() -> Status {
        auto insert = m_database->prepare(
            "INSERT INTO runs(run_id, experiment_id, name, status, start_ms, end_ms, user, "
            "git_commit, git_dirty, command, parent_run_id, deleted, origin) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
        if (!insert)
            return insert.error();
        insert->bind(1, info.runId).bind(2, *experiment).bind(3, info.name);
        insert->bind(4, statusName(info.status)).bind(5, *info.startMs);
        info.endMs ? insert->bind(6, *info.endMs) : insert->bindNull(6);
        insert->bind(7, info.user);
        info.gitCommit ? insert->bind(8, *info.gitCommit) : insert->bindNull(8);
        info.gitDirty ? insert->bind(9, std::int64_t{*info.gitDirty}) : insert->bindNull(9);
        info.command ? insert->bind(10, *info.command) : insert->bindNull(10);
        info.parentRunId ? insert->bind(11, *info.parentRunId) : insert->bindNull(11);
        insert->bind(12, std::int64_t{info.deleted}).bind(13, info.origin);
        if (Status inserted = insert->run(); !inserted)
            return Error::invalidInput("cannot start run " + info.runId + ": " +
                                       inserted.error().message);
        return {};
    }));
    return info.runId;
}

Status TrackingStore::finishRun(const std::string &runId, RunStatus status,
                                std::optional<std::int64_t> endMs)
{
    ASSAY_TRY(requireRun(runId));
    return writeWithRetry(*m_database, [&]() -> Status {
        auto update =
            m_database->prepare("UPDATE runs SET status = ?2, end_ms = ?3 WHERE run_id = ?1");
        if (!update)
            return update.error();
        update->bind(1, runId).bind(2, statusName(status)).bind(3, endMs.value_or(nowMs()));
        return update->run();
    });
}

Result<RunStatus> TrackingStore::runStatus(const std::string &runId)
{
    auto select = m_database->prepare("SELECT status FROM runs WHERE run_id = ?1");
    if (!select)
        return select.error();
    select->bind(1, runId);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound("unknown run '" + runId + "'");
    return statusFromName(select->columnText(0)).value_or(RunStatus::Running);
}

Status TrackingStore::requireRun(const std::string &runId)
{
    auto status = runStatus(runId);
    if (!status)
        return status.error();
    return {};
}

Result<RunRecord> TrackingStore::run(const std::string &runId)
{
    auto select = m_database->prepare(
        "SELECT r.run_id, e.name, r.name, r.status, r.start_ms, r.end_ms, r.user, r.git_commit, "
        "r.git_dirty, r.command, r.parent_run_id, r.deleted, r.origin "
        "FROM runs r JOIN experiments e ON e.experiment_id = r.experiment_id WHERE r.run_id = ?1");
    if (!select)
        return select.error();
    select->bind(1, runId);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound("unknown run '" + runId + "'");
    RunRecord record;
    RunInfo &info = record.info;
    info.runId = select->columnText(0);
    info.experiment = select->columnText(1);
    info.name = select->columnText(2);
    info.status = statusFromName(select->columnText(3)).value_or(RunStatus::Running);
    if (!select->columnIsNull(4))
        info.startMs = select->columnInt(4);
    if (!select->columnIsNull(5))
        info.endMs = select->columnInt(5);
    info.user = select->columnText(6);
    if (!select->columnIsNull(7))
        info.gitCommit = select->columnText(7);
    if (!select->columnIsNull(8))
        info.gitDirty = select->columnInt(8) != 0;
    if (!select->columnIsNull(9))
        info.command = select->columnText(9);
    if (!select->columnIsNull(10))
        info.parentRunId = select->columnText(10);
    info.deleted = select->columnInt(11) != 0;
    info.origin = select->columnText(12);

    for (const char *table : {"params", "tags"}) {
        auto pairs = m_database->prepare(std::string("SELECT key, value FROM ") + table +
                                         " WHERE run_id = ?1 ORDER BY key");
        if (!pairs)
            return pairs.error();
        pairs->bind(1, runId);
        auto &into = std::string_view(table) == "params" ? record.params : record.tags;
        for (;;) {
            auto more = pairs->step();
            if (!more)
                return more.error();
            if (!*more)
                break;
            into[pairs->columnText(0)] = pairs->columnText(1);
        }
    }

    auto latest = m_database->prepare(
        "SELECT key, step, timestamp_ms, value, is_nan FROM latest_metrics WHERE run_id = ?1");
    if (!latest)
        return latest.error();
    latest->bind(1, runId);
    for (;;) {
        auto more = latest->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        record.latestMetrics[latest->columnText(0)] = pointFromRow(*latest, 1);
    }

    auto artifacts = m_database->prepare(
        "SELECT path, md5, size FROM artifacts WHERE run_id = ?1 ORDER BY path");
    if (!artifacts)
        return artifacts.error();
    artifacts->bind(1, runId);
    for (;;) {
        auto more = artifacts->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        record.artifacts.push_back({artifacts->columnText(0), artifacts->columnText(1),
                                    static_cast<std::uint64_t>(artifacts->columnInt(2))});
    }

    auto datasets = m_database->prepare(
        "SELECT name, path, md5, revision, context FROM dataset_inputs WHERE run_id = ?1 "
        "ORDER BY context, name");
    if (!datasets)
        return datasets.error();
    datasets->bind(1, runId);
    for (;;) {
        auto more = datasets->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        record.datasets.push_back({datasets->columnText(0), datasets->columnText(1),
                                   datasets->columnText(2), datasets->columnText(3),
                                   datasets->columnText(4)});
    }
    return record;
}

Result<std::vector<MetricPoint>> TrackingStore::metricHistory(const std::string &runId,
                                                              const std::string &key)
{
    ASSAY_TRY(requireRun(runId));
    auto select = m_database->prepare(
        "SELECT step, timestamp_ms, value, is_nan FROM metrics WHERE run_id = ?1 AND key = ?2 "
        "ORDER BY step, timestamp_ms, rowid");
    if (!select)
        return select.error();
    select->bind(1, runId).bind(2, key);
    std::vector<MetricPoint> points;
    for (;;) {
        auto more = select->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        points.push_back(pointFromRow(*select, 0));
    }
    return points;
}

} // namespace assay::track
