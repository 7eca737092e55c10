#include "track/mlflow_sqlite.h"

#include "workspace/database.h"

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace assay::track {

namespace {

namespace fs = std::filesystem;

constexpr double kMlflowInfinity = 1.7976931348623157e308;

fs::path localArtifactFolder(std::string uri, const fs::path &databaseDir)
{
    if (uri.rfind("file://", 0) == 0)
        uri = uri.substr(7);
    else if (uri.find("://") != std::string::npos)
        return {}; // s3://, mlflow-artifacts:/ … are not on this machine
    if (uri.empty())
        return {};
    fs::path path(uri);
    return path.is_absolute() ? path : databaseDir / path;
}

// Runs `sql`, calling `row` for each result row; errors name the database.
template <typename Row>
Status eachRow(workspace::Database &db, const fs::path &source, const std::string &sql, Row row)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return Error::invalidInput(
            source.string() + ": not a readable MLflow database: " + statement.error().message);
    if (Status read = statement->forEachRow(row); !read.ok())
        return Error::invalidInput(source.string() + ": " + read.error().message);
    return {};
}

} // namespace

Result<MlflowData> readMlflowSqlite(const fs::path &database)
{
    std::error_code ec;
    if (!fs::is_regular_file(database, ec))
        return Error::notFound(database.string() + ": no such MLflow database");
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error::io("cannot create a temporary folder to read " + database.string());
    const fs::path copy = fs::path(scratch.path().toStdString()) / "mlflow.db";
    for (const char *suffix : {"", "-wal"}) {
        const fs::path from = database.string() + suffix;
        if (fs::exists(from, ec) && !fs::copy_file(from, copy.string() + suffix, ec))
            return Error::io(from.string() + ": cannot copy: " + ec.message());
    }
    auto opened = workspace::Database::open(copy);
    if (!opened)
        return Error::invalidInput(database.string() + ": " + opened.error().message);
    workspace::Database &db = **opened;

    bool hasRuns = false;
    ASSAY_TRY(eachRow(db, database,
                      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'runs'",
                      [&](const workspace::Statement &r) { hasRuns = r.columnInt(0) > 0; }));
    if (!hasRuns)
        return Error::invalidInput(database.string() +
                                   ": not an MLflow database (it has no runs table)");

    MlflowData data;
    std::unordered_map<std::int64_t, std::size_t> experimentById;
    ASSAY_TRY(eachRow(
        db, database,
        "SELECT experiment_id, name, coalesce(creation_time, 0), lifecycle_stage FROM experiments "
        "ORDER BY experiment_id",
        [&](const workspace::Statement &r) {
            experimentById[r.columnInt(0)] = data.experiments.size();
            data.experiments.push_back(
                {r.columnText(1), r.columnInt(2), r.columnText(3) == "deleted"});
        }));

    std::unordered_map<std::string, std::size_t> runById;
    const fs::path databaseDir = fs::absolute(database, ec).parent_path();
    Status failed;
    ASSAY_TRY(
        eachRow(db, database,
                "SELECT run_uuid, experiment_id, coalesce(name, ''), status, start_time, end_time, "
                "coalesce(user_id, ''), lifecycle_stage, coalesce(artifact_uri, '') FROM runs "
                "ORDER BY start_time, run_uuid",
                [&](const workspace::Statement &r) {
                    MlflowRun run;
                    RunInfo &info = run.record.info;
                    info.runId = r.columnText(0);
                    const auto experiment = experimentById.find(r.columnInt(1));
                    if (experiment == experimentById.end()) {
                        failed = Error::invalidInput(database.string() + ": run " + info.runId +
                                                     " names a missing experiment");
                        return;
                    }
                    const bool experimentDeleted = data.experiments[experiment->second].deleted;
                    info.experiment = data.experiments[experiment->second].name;
                    info.name = r.columnText(2);
                    info.status = statusFromName(r.columnText(3)).value_or(RunStatus::Running);
                    if (!r.columnIsNull(4))
                        info.startMs = r.columnInt(4);
                    if (!r.columnIsNull(5))
                        info.endMs = r.columnInt(5);
                    info.user = r.columnText(6);
                    info.deleted = experimentDeleted || r.columnText(7) == "deleted";
                    const fs::path artifacts = localArtifactFolder(r.columnText(8), databaseDir);
                    if (!artifacts.empty())
                        for (const auto &path : relativeFilesBelow(artifacts))
                            run.record.artifacts.push_back({path, "", 0});
                    runById[info.runId] = data.runs.size();
                    data.runs.push_back(std::move(run));
                }));
    if (!failed)
        return failed.error();

    auto child = [&](const workspace::Statement &r) -> MlflowRun * {
        const auto it = runById.find(r.columnText(0));
        return it == runById.end() ? nullptr : &data.runs[it->second];
    };
    ASSAY_TRY(eachRow(db, database, "SELECT run_uuid, key, value FROM params",
                      [&](const workspace::Statement &r) {
                          if (auto *run = child(r))
                              run->record.params[r.columnText(1)] = r.columnText(2);
                      }));
    ASSAY_TRY(eachRow(db, database, "SELECT run_uuid, key, value FROM tags",
                      [&](const workspace::Statement &r) {
                          if (auto *run = child(r))
                              run->record.tags[r.columnText(1)] = r.columnText(2);
                      }));
    // rowid keeps logging order; MLflow's metrics table is an ordinary rowid table.
    ASSAY_TRY(eachRow(
        db, database,
        "SELECT run_uuid, key, value, timestamp, step, is_nan FROM metrics ORDER BY rowid",
        [&](const workspace::Statement &r) {
            auto *run = child(r);
            if (!run)
                return;
            double value = r.columnDouble(2);
            if (r.columnInt(5) != 0)
                value = std::numeric_limits<double>::quiet_NaN();
            else if (std::abs(value) >= kMlflowInfinity)
                value = std::copysign(std::numeric_limits<double>::infinity(), value);
            run->history[r.columnText(1)].push_back({r.columnInt(4), r.columnInt(3), value});
        }));
    for (auto &run : data.runs)
        completeFromTags(run);
    return data;
}

} // namespace assay::track
