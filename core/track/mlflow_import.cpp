#include "track/mlflow_import.h"

#include "govern/access_audit.h"
#include "govern/access_control.h"
#include "track/mlflow_file_store.h"
#include "track/mlflow_sqlite.h"

#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

namespace assay::track {

namespace {

namespace fs = std::filesystem;
using workspace::Database;
using workspace::Statement;

Result<bool> exists(Database &db, std::string_view sql, const std::string &key)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, key);
    return statement->step();
}

Result<std::int64_t> experimentId(Database &db, const MlflowExperiment &experiment)
{
    auto find = db.prepare("SELECT experiment_id FROM experiments WHERE name = ?1");
    if (!find)
        return find.error();
    find->bind(1, experiment.name);
    auto found = find->step();
    if (!found)
        return found.error();
    if (*found)
        return find->columnInt(0);
    auto insert =
        db.prepare("INSERT INTO experiments(name, created_ms, deleted) VALUES (?1, ?2, ?3) "
                   "RETURNING experiment_id");
    if (!insert)
        return insert.error();
    insert->bind(1, experiment.name)
        .bind(2, experiment.createdMs)
        .bind(3, std::int64_t{experiment.deleted});
    auto inserted = insert->step();
    if (!inserted)
        return inserted.error();
    const std::int64_t id = insert->columnInt(0);
    ASSAY_TRY(insert->run());
    return id;
}

void bindOptional(Statement &s, int index, const std::optional<std::int64_t> &value)
{
    if (value)
        s.bind(index, *value);
    else
        s.bindNull(index);
}

void bindOptional(Statement &s, int index, const std::optional<std::string> &value)
{
    if (value)
        s.bind(index, *value);
    else
        s.bindNull(index);
}

void bindPoint(Statement &s, int first, const MetricPoint &p)
{
    const bool isNan = std::isnan(p.value);
    s.bind(first, p.step)
        .bind(first + 1, p.timestampMs)
        .bind(first + 2, isNan ? 0.0 : p.value)
        .bind(first + 3, std::int64_t{isNan});
}

// Replaces one run's rows; the caller holds the transaction.
Status writeRun(Database &db, const MlflowRun &run, std::int64_t experiment, bool parentKnown)
{
    const RunInfo &info = run.record.info;
    auto upsert = db.prepare("INSERT INTO runs(run_id, experiment_id, name, status, start_ms, "
                             "end_ms, user, git_commit, command, "
                             "parent_run_id, deleted, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                             "?8, ?9, ?10, ?11, ?12) "
                             "ON CONFLICT(run_id) DO UPDATE SET experiment_id = "
                             "excluded.experiment_id, name = excluded.name, "
                             "status = excluded.status, start_ms = excluded.start_ms, end_ms = "
                             "excluded.end_ms, user = excluded.user, "
                             "git_commit = excluded.git_commit, command = excluded.command, "
                             "parent_run_id = excluded.parent_run_id, "
                             "deleted = excluded.deleted, origin = excluded.origin");
    if (!upsert)
        return upsert.error();
    upsert->bind(1, info.runId)
        .bind(2, experiment)
        .bind(3, info.name)
        .bind(4, statusName(info.status));
    bindOptional(*upsert, 5, info.startMs);
    bindOptional(*upsert, 6, info.endMs);
    upsert->bind(7, info.user);
    bindOptional(*upsert, 8, info.gitCommit);
    bindOptional(*upsert, 9, info.command);
    bindOptional(*upsert, 10, parentKnown ? info.parentRunId : std::nullopt);
    upsert->bind(11, std::int64_t{info.deleted}).bind(12, info.origin);
    ASSAY_TRY(upsert->run());

    for (const char *table : {"params", "tags", "metrics", "latest_metrics", "artifacts"}) {
        auto clear = db.prepare(std::string("DELETE FROM ") + table + " WHERE run_id = ?1");
        if (!clear)
            return clear.error();
        clear->bind(1, info.runId);
        ASSAY_TRY(clear->run());
    }
    auto keyValues = [&](const char *table,
                         const std::map<std::string, std::string> &values) -> Status {
        auto insert = db.prepare(std::string("INSERT INTO ") + table +
                                 "(run_id, key, value) VALUES (?1, ?2, ?3)");
        if (!insert)
            return insert.error();
        for (const auto &[key, value] : values) {
            insert->reset();
            insert->bind(1, info.runId).bind(2, key).bind(3, value);
            ASSAY_TRY(insert->run());
        }
        return {};
    };
    ASSAY_TRY(keyValues("params", run.record.params));
    ASSAY_TRY(keyValues("tags", run.record.tags));

    auto metric = db.prepare("INSERT INTO metrics(run_id, key, step, timestamp_ms, value, is_nan) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!metric)
        return metric.error();
    for (const auto &[key, points] : run.history) {
        for (const auto &point : points) {
            metric->reset();
            metric->bind(1, info.runId).bind(2, key);
            bindPoint(*metric, 3, point);
            ASSAY_TRY(metric->run());
        }
    }
    auto latest =
        db.prepare("INSERT INTO latest_metrics(run_id, key, step, timestamp_ms, value, is_nan) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!latest)
        return latest.error();
    for (const auto &[key, point] : run.record.latestMetrics) {
        latest->reset();
        latest->bind(1, info.runId).bind(2, key);
        bindPoint(*latest, 3, point);
        ASSAY_TRY(latest->run());
    }
    auto artifact =
        db.prepare("INSERT INTO artifacts(run_id, path, md5, size) VALUES (?1, ?2, ?3, ?4)");
    if (!artifact)
        return artifact.error();
    for (const auto &a : run.record.artifacts) {
        artifact->reset();
        artifact->bind(1, info.runId)
            .bind(2, a.path)
            .bind(3, a.md5)
            .bind(4, static_cast<std::int64_t>(a.size));
        ASSAY_TRY(artifact->run());
    }
    return {};
}

// Parents before children, so parent_run_id can reference a row that exists.
std::vector<const MlflowRun *> parentsFirst(const MlflowData &data)
{
    std::unordered_map<std::string, const MlflowRun *> byId;
    for (const auto &run : data.runs)
        byId[run.record.info.runId] = &run;
    std::vector<const MlflowRun *> order;
    std::set<std::string> placed;
    std::function<void(const MlflowRun &, int)> place = [&](const MlflowRun &run, int depth) {
        if (placed.count(run.record.info.runId))
            return;
        placed.insert(run.record.info.runId);
        if (const auto &parent = run.record.info.parentRunId; parent && depth < 64) {
            const auto it = byId.find(*parent);
            if (it != byId.end())
                place(*it->second, depth + 1);
        }
        order.push_back(&run);
    };
    for (const auto &run : data.runs)
        place(run, 0);
    return order;
}

} // namespace

Result<MlflowData> readMlflow(const fs::path &source)
{
    fs::path path = source;
    const std::string text = source.string();
    if (text.rfind("sqlite:///", 0) == 0)
        path = text.substr(10);
    else if (text.rfind("file://", 0) == 0)
        path = text.substr(7);
    std::error_code ec;
    // A project folder holding the store is accepted too: its mlruns/, else its mlflow.db.
    if (fs::is_directory(path, ec) && !fs::exists(path / "0" / "meta.yaml", ec)) {
        if (fs::is_directory(path / "mlruns", ec))
            path /= "mlruns";
        else if (fs::is_regular_file(path / "mlflow.db", ec))
            path /= "mlflow.db";
    }
    if (fs::is_directory(path, ec))
        return readMlflowFileStore(path);
    if (fs::is_regular_file(path, ec))
        return readMlflowSqlite(path);
    return Error::notFound(path.string() +
                           ": no such MLflow store (expected an mlruns/ folder or mlflow.db)");
}

namespace {

// Writes the runs into `report` as it goes, so a failure or a cancel part way still reports
// (and audits) what was imported.
Status writeRuns(Database &db, const MlflowData &data, const Progress &progress,
                 MlflowImportReport &report)
{
    std::map<std::string, std::int64_t> experimentIds;
    ASSAY_TRY(db.transaction([&]() -> Status {
        for (const auto &experiment : data.experiments) {
            auto id = experimentId(db, experiment);
            if (!id)
                return id.error();
            experimentIds[experiment.name] = *id;
        }
        return {};
    }));
    report.experiments = experimentIds.size();

    const auto order = parentsFirst(data);
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (progress.isCancelled())
            return Error::cancelled();
        const MlflowRun &run = *order[i];
        const RunInfo &info = run.record.info;
        const auto experiment = experimentIds.find(info.experiment);
        if (experiment == experimentIds.end())
            return Error::internal("run " + info.runId + " names an experiment that was not read");
        bool existed = false;
        ASSAY_TRY(db.transaction([&]() -> Status {
            auto known = exists(db, "SELECT 1 FROM runs WHERE run_id = ?1", info.runId);
            if (!known)
                return known.error();
            existed = *known;
            bool parentKnown = false;
            if (info.parentRunId) {
                auto parent = exists(db, "SELECT 1 FROM runs WHERE run_id = ?1", *info.parentRunId);
                if (!parent)
                    return parent.error();
                parentKnown = *parent;
            }
            return writeRun(db, run, experiment->second, parentKnown);
        }));
        (existed ? report.updated : report.created) += 1;
        for (const auto &[key, points] : run.history)
            report.metricPoints += points.size();
        progress.report(static_cast<double>(i + 1) / static_cast<double>(order.size()),
                        "importing runs");
    }
    return {};
}

Result<MlflowImportReport> writeRunsAs(Database &db, const MlflowData &data,
                                       const Progress &progress, const govern::Actor &actor,
                                       const std::string &source)
{
    MlflowImportReport report;
    const Status written = writeRuns(db, data, progress, report);
    if (report.created + report.updated > 0) {
        const QJsonObject details{
            {QStringLiteral("created"), static_cast<qint64>(report.created)},
            {QStringLiteral("updated"), static_cast<qint64>(report.updated)},
            {QStringLiteral("experiments"), static_cast<qint64>(report.experiments)},
            {QStringLiteral("complete"), written.ok()}};
        ASSAY_TRY(govern::appendAudit(db, {.actor = actor.name,
                                           .action = "run.import",
                                           .object = source,
                                           .refused = false,
                                           .detailsJson = govern::auditDetails(details)}));
    }
    if (!written)
        return written.error();
    return report;
}

} // namespace

Result<MlflowImportReport> writeMlflowRuns(Database &db, MlflowData data, const Progress &progress)
{
    auto actor = govern::authorize(db, govern::Action::WriteRun, "mlflow", "run.import");
    if (!actor)
        return actor.error();
    return writeRunsAs(db, data, progress, *actor, "mlflow");
}

Result<MlflowImportReport> importMlflow(Database &db, const fs::path &source,
                                        const Progress &progress)
{
    auto actor = govern::authorize(db, govern::Action::WriteRun, source.string(), "run.import");
    if (!actor)
        return actor.error();
    auto data = readMlflow(source);
    if (!data)
        return data.error();
    return writeRunsAs(db, *data, progress, *actor, source.string());
}

} // namespace assay::track
