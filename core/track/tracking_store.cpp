#include "track/tracking_store.h"

#include "govern/access_audit.h"
#include "govern/access_control.h"
#include "track/clock.h"
#include "track/run_query.h"
#include "track/write_retry.h"
#include "workspace/workspace.h"

#include <cmath>
#include <cstdlib>
#include <limits>

namespace assay::track {

namespace {

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
    ASSAY_TRY(requireWriteAccess());
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
    auto actor = govern::authorize(*m_database, govern::Action::WriteRun, info.runId, "run.create");
    if (!actor)
        return actor.error();
    m_writeAllowed = true;
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
        const QJsonObject details{
            {QStringLiteral("experiment"), QString::fromStdString(info.experiment)},
            {QStringLiteral("name"), QString::fromStdString(info.name)}};
        return govern::appendAudit(*m_database, {.actor = actor->name,
                                                 .action = "run.create",
                                                 .object = info.runId,
                                                 .refused = false,
                                                 .detailsJson = govern::auditDetails(details)});
    }));
    return info.runId;
}

Status TrackingStore::finishRun(const std::string &runId, RunStatus status,
                                std::optional<std::int64_t> endMs)
{
    ASSAY_TRY(requireWriteAccess());
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

Status TrackingStore::requireWriteAccess()
{
    if (m_writeAllowed)
        return {};
    auto actor = govern::authorize(*m_database, govern::Action::WriteRun, "", "run.write");
    if (!actor)
        return actor.error();
    m_writeAllowed = true;
    return {};
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
    return loadRun(*m_database, runId);
}

Result<std::vector<MetricPoint>> TrackingStore::metricHistory(const std::string &runId,
                                                              const std::string &key)
{
    ASSAY_TRY(requireRun(runId));
    auto points = track::metricHistory(*m_database, runId, key);
    if (!points && points.error().kind == ErrorKind::NotFound)
        return std::vector<MetricPoint>{}; // the run exists and has not logged this key
    return points;
}

} // namespace assay::track
