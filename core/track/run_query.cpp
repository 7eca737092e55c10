#include "track/run_query.h"

#include "govern/access_control.h"
#include "govern/audit_log.h"

#include <cmath>
#include <limits>
#include <unordered_map>

namespace assay::track {

namespace {

constexpr std::string_view kRunColumns =
    "r.run_id, e.name, r.name, r.status, r.start_ms, r.end_ms, r.user, r.git_commit, r.git_dirty, "
    "r.command, r.parent_run_id, r.deleted, r.origin";

RunInfo infoFromRow(const workspace::Statement &row)
{
    RunInfo info;
    info.runId = row.columnText(0);
    info.experiment = row.columnText(1);
    info.name = row.columnText(2);
    info.status = statusFromName(row.columnText(3)).value_or(RunStatus::Running);
    if (!row.columnIsNull(4))
        info.startMs = row.columnInt(4);
    if (!row.columnIsNull(5))
        info.endMs = row.columnInt(5);
    info.user = row.columnText(6);
    if (!row.columnIsNull(7))
        info.gitCommit = row.columnText(7);
    if (!row.columnIsNull(8))
        info.gitDirty = row.columnInt(8) != 0;
    if (!row.columnIsNull(9))
        info.command = row.columnText(9);
    if (!row.columnIsNull(10))
        info.parentRunId = row.columnText(10);
    info.deleted = row.columnInt(11) != 0;
    info.origin = row.columnText(12);
    return info;
}

MetricPoint pointFromRow(const workspace::Statement &row, int first)
{
    MetricPoint point{row.columnInt(first), row.columnInt(first + 1), row.columnDouble(first + 2)};
    if (row.columnInt(first + 3) != 0)
        point.value = std::numeric_limits<double>::quiet_NaN();
    return point;
}

// The WHERE conditions on `runs r JOIN experiments e` that a query asks for.
std::string runConditions(const RunQuery &query)
{
    std::string where = " WHERE 1";
    if (query.experiment)
        where += " AND e.name = ?1";
    if (query.deleted == DeletedRuns::Hide)
        where += " AND r.deleted = 0";
    else if (query.deleted == DeletedRuns::Only)
        where += " AND r.deleted = 1";
    return where;
}

constexpr std::string_view kRunsWithExperiment =
    " FROM runs r JOIN experiments e ON e.experiment_id = r.experiment_id";

Result<workspace::Statement> prepareFor(workspace::Database &db, const std::string &sql,
                                        const RunQuery &query)
{
    auto statement = db.prepare(sql);
    if (statement && query.experiment)
        statement->bind(1, *query.experiment);
    return statement;
}

// Reads (runs.rowid, key, value…) rows into the runs they belong to. Rows of one run come
// together, so the lookup is skipped while the rowid stays the same.
template <typename Store>
Status readChildren(workspace::Database &db, const std::string &sql, const RunQuery &query,
                    const std::unordered_map<std::int64_t, std::size_t> &index,
                    std::vector<RunRecord> &runs, Store store)
{
    auto statement = prepareFor(db, sql, query);
    if (!statement)
        return statement.error();
    std::int64_t currentRow = -1;
    RunRecord *current = nullptr;
    return statement->forEachRow([&](const workspace::Statement &row) {
        const std::int64_t runRow = row.columnInt(0);
        if (runRow != currentRow) {
            const auto it = index.find(runRow);
            current = it == index.end() ? nullptr : &runs[it->second];
            currentRow = runRow;
        }
        if (current)
            store(*current, row);
    });
}

} // namespace

Result<std::vector<RunRecord>> listRuns(workspace::Database &db, const RunQuery &query)
{
    const std::string conditions = runConditions(query);
    std::vector<RunRecord> runs;
    // Children are matched by the runs table's integer rowid: no run id string per row.
    std::unordered_map<std::int64_t, std::size_t> index;
    {
        // Reserved up front: RunRecord's map members make vector growth copy, not move.
        auto counted = prepareFor(
            db, "SELECT count(*)" + std::string(kRunsWithExperiment) + conditions, query);
        if (!counted)
            return counted.error();
        if (auto row = counted->step(); !row)
            return row.error();
        runs.reserve(static_cast<std::size_t>(counted->columnInt(0)));
        index.reserve(runs.capacity());
        auto statement = prepareFor(db,
                                    "SELECT " + std::string(kRunColumns) + ", r.rowid" +
                                        std::string(kRunsWithExperiment) + conditions +
                                        " ORDER BY r.start_ms IS NULL, r.start_ms DESC, r.run_id",
                                    query);
        if (!statement)
            return statement.error();
        ASSAY_TRY(statement->forEachRow([&](const workspace::Statement &row) {
            RunRecord record;
            record.info = infoFromRow(row);
            index.emplace(row.columnInt(13), runs.size());
            runs.push_back(std::move(record));
        }));
    }
    auto children = [&](const char *columns, const char *table) {
        return "SELECT r.rowid, " + std::string(columns) + " FROM " + table +
               " c JOIN runs r ON r.run_id = c.run_id JOIN experiments e ON e.experiment_id = "
               "r.experiment_id" +
               conditions;
    };
    ASSAY_TRY(readChildren(db, children("c.key, c.value", "params"), query, index, runs,
                           [](RunRecord &run, const workspace::Statement &row) {
                               run.params.emplace_hint(run.params.end(), row.columnText(1),
                                                       row.columnText(2));
                           }));
    ASSAY_TRY(readChildren(db, children("c.key, c.value", "tags"), query, index, runs,
                           [](RunRecord &run, const workspace::Statement &row) {
                               run.tags.emplace_hint(run.tags.end(), row.columnText(1),
                                                     row.columnText(2));
                           }));
    ASSAY_TRY(readChildren(
        db, children("c.key, c.step, c.timestamp_ms, c.value, c.is_nan", "latest_metrics"), query,
        index, runs, [](RunRecord &run, const workspace::Statement &row) {
            run.latestMetrics.emplace_hint(run.latestMetrics.end(), row.columnText(1),
                                           pointFromRow(row, 2));
        }));
    return runs;
}

Result<RunRecord> loadRun(workspace::Database &db, const std::string &runId)
{
    auto run = db.prepare("SELECT " + std::string(kRunColumns) + std::string(kRunsWithExperiment) +
                          " WHERE r.run_id = ?1");
    if (!run)
        return run.error();
    run->bind(1, runId);
    auto found = run->step();
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound("unknown run '" + runId + "'");
    RunRecord record;
    record.info = infoFromRow(*run);

    auto rows = [&](std::string_view sql, auto store) -> Status {
        auto statement = db.prepare(sql);
        if (!statement)
            return statement.error();
        statement->bind(1, runId);
        return statement->forEachRow(store);
    };
    using workspace::Statement;
    ASSAY_TRY(rows("SELECT key, value FROM params WHERE run_id = ?1",
                   [&](const Statement &r) { record.params[r.columnText(0)] = r.columnText(1); }));
    ASSAY_TRY(rows("SELECT key, value FROM tags WHERE run_id = ?1",
                   [&](const Statement &r) { record.tags[r.columnText(0)] = r.columnText(1); }));
    ASSAY_TRY(rows(
        "SELECT key, step, timestamp_ms, value, is_nan FROM latest_metrics WHERE run_id = ?1",
        [&](const Statement &r) { record.latestMetrics[r.columnText(0)] = pointFromRow(r, 1); }));
    ASSAY_TRY(rows("SELECT path, md5, size FROM artifacts WHERE run_id = ?1 ORDER BY path",
                   [&](const Statement &r) {
                       record.artifacts.push_back({r.columnText(0), r.columnText(1),
                                                   static_cast<std::uint64_t>(r.columnInt(2))});
                   }));
    ASSAY_TRY(
        rows("SELECT name, path, md5, revision, context FROM dataset_inputs WHERE run_id = ?1 "
             "ORDER BY context, name",
             [&](const Statement &r) {
                 record.datasets.push_back({r.columnText(0), r.columnText(1), r.columnText(2),
                                            r.columnText(3), r.columnText(4)});
             }));
    return record;
}

Result<std::string> resolveRun(workspace::Database &db, const std::string &reference)
{
    auto collect = [&](std::string_view sql,
                       const std::string &bound) -> Result<std::vector<std::string>> {
        auto statement = db.prepare(sql);
        if (!statement)
            return statement.error();
        statement->bind(1, bound);
        std::vector<std::string> ids;
        while (true) {
            auto row = statement->step();
            if (!row)
                return row.error();
            if (!*row || ids.size() > 5)
                return ids;
            ids.push_back(statement->columnText(0));
        }
    };
    auto exact = collect("SELECT run_id FROM runs WHERE run_id = ?1", reference);
    if (!exact)
        return exact.error();
    if (!exact->empty())
        return exact->front();
    std::vector<std::string> byPrefix;
    if (reference.size() >= 6 && reference.find_first_of("%_") == std::string::npos) {
        auto prefixed = collect(
            "SELECT run_id FROM runs WHERE run_id LIKE ?1 || '%' ORDER BY run_id", reference);
        if (!prefixed)
            return prefixed.error();
        byPrefix = std::move(*prefixed);
    }
    auto named = collect("SELECT run_id FROM runs WHERE name = ?1 ORDER BY run_id", reference);
    if (!named)
        return named.error();
    auto ambiguous = [&](const std::vector<std::string> &ids, const char *how) {
        std::string list;
        for (const auto &id : ids)
            list += (list.empty() ? "" : ", ") + id.substr(0, 12);
        return Error::invalidInput("run '" + reference + "' is ambiguous: " +
                                   std::to_string(ids.size()) + (ids.size() > 5 ? "+" : "") +
                                   " runs " + how + " (" + list + "); give more of the run id");
    };
    if (byPrefix.size() > 1)
        return ambiguous(byPrefix, "start with it");
    if (byPrefix.size() == 1)
        return byPrefix.front();
    if (named->size() > 1)
        return ambiguous(*named, "have this name");
    if (named->size() == 1)
        return named->front();
    return Error::notFound("no run '" + reference +
                           "' (give a run id, a unique prefix of 6+ characters, or a run name)");
}

Result<std::vector<MetricPoint>> metricHistory(workspace::Database &db, const std::string &runId,
                                               const std::string &key)
{
    auto statement =
        db.prepare("SELECT step, timestamp_ms, value, is_nan FROM metrics "
                   "WHERE run_id = ?1 AND key = ?2 ORDER BY step, timestamp_ms, rowid");
    if (!statement)
        return statement.error();
    statement->bind(1, runId).bind(2, key);
    std::vector<MetricPoint> points;
    ASSAY_TRY(statement->forEachRow(
        [&](const workspace::Statement &row) { points.push_back(pointFromRow(row, 0)); }));
    if (points.empty())
        return Error::notFound("run " + runId + " has no metric '" + key + "'");
    return points;
}

Status setRunDeleted(workspace::Database &db, const std::string &runId, bool deleted)
{
    const std::string action = deleted ? "run.delete" : "run.restore";
    auto actor = govern::authorize(db, govern::Action::DeleteRun, runId, action);
    if (!actor)
        return actor.error();
    auto exists = db.prepare("SELECT 1 FROM runs WHERE run_id = ?1");
    if (!exists)
        return exists.error();
    exists->bind(1, runId);
    auto found = exists->step();
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound("unknown run '" + runId + "'");
    // The CLI deletes several runs in one transaction of its own, which this one joins.
    return db.transaction([&]() -> Status {
        auto statement = db.prepare("UPDATE runs SET deleted = ?1 WHERE run_id = ?2");
        if (!statement)
            return statement.error();
        statement->bind(1, std::int64_t{deleted ? 1 : 0}).bind(2, runId);
        ASSAY_TRY(statement->run());
        return govern::appendAudit(db, {.actor = actor->name,
                                        .action = action,
                                        .object = runId,
                                        .refused = false,
                                        .detailsJson = "{}"});
    });
}

} // namespace assay::track
