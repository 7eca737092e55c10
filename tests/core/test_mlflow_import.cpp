// Importing MLflow tracking data: file stores (mlruns/) and SQLite databases built here in
// MLflow's documented layout and schema (shared/formats.md part 2), then read back
// through the run queries.
#include "track/mlflow_file_store.h"
#include "track/mlflow_import.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include "support/files.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace assay;
using namespace assay::track;
using assay::testing::pathOf;
using assay::testing::writeFile;
namespace fs = std::filesystem;

namespace {

const std::string kRunA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01";
const std::string kRunB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb02";
const std::string kRunT = "cccccccccccccccccccccccccccccc03";

std::string experimentMeta(const std::string &id, const std::string &name, const fs::path &root)
{
    return "artifact_location: file://" + (root / id).string() +
           "\ncreation_time: 1672364273202\n"
           "experiment_id: '" +
           id + "'\nlast_update_time: 1672364273202\nlifecycle_stage: active\nname: " + name + "\n";
}

std::string runMeta(const fs::path &root, const std::string &experimentId, const std::string &runId,
                    const std::string &name, int status, const std::string &stage)
{
    return "artifact_uri: file://" + (root / experimentId / runId / "artifacts").string() +
           "\ndeleted_time: null\nend_time: 1672364280000\nentry_point_name: ''\nexperiment_id: '" +
           experimentId + "'\nlifecycle_stage: " + stage + "\nrun_id: " + runId +
           "\nrun_name: " + name + "\nrun_uuid: " + runId +
           "\nsource_name: ''\nsource_type: 4\nsource_version: ''\n"
           "start_time: 1672364273319\nstatus: " +
           std::to_string(status) + "\ntags: []\nuser_id: alice\n";
}

// Two experiments (one trashed) and three runs, as MLflow 2.x's file store writes them.
fs::path buildFileStore(const fs::path &dir)
{
    const fs::path root = dir / "mlruns";
    writeFile(root / "0" / "meta.yaml", experimentMeta("0", "Default", root));
    const std::string exp = "412345678901234567";
    writeFile(root / exp / "meta.yaml", experimentMeta(exp, "credit", root));
    const fs::path a = root / exp / kRunA;
    writeFile(a / "meta.yaml", runMeta(root, exp, kRunA, "bright-fox-7", 3, "active"));
    writeFile(a / "params" / "max_depth", "6");
    writeFile(a / "params" / "optimizer" / "lr", "0.1");
    writeFile(a / "metrics" / "loss",
              "1672364273330 0.5 0\n1672364273331 0.25 1\n1672364273332 0.125 2\n");
    writeFile(a / "metrics" / "empty", ""); // an empty series is skipped
    writeFile(a / "metrics" / "eval" / "auc", "1672364273340 0.8\n1672364273341 0.85\n");
    writeFile(a / "metrics" / "weird", "1 nan 0\n2 inf 1\n3 -inf 2\n4 1e-05 3\n");
    writeFile(a / "tags" / "mlflow.runName", "bright-fox-7");
    writeFile(a / "tags" / "mlflow.user", "alice");
    writeFile(a / "tags" / "mlflow.source.git.commit", "0123abcd");
    writeFile(a / "tags" / "team", "risk");
    writeFile(a / "artifacts" / "model" / "model.pkl", "bytes");
    writeFile(a / "artifacts" / "plot.png", "png");

    const fs::path b = root / exp / kRunB;
    writeFile(b / "meta.yaml", runMeta(root, exp, kRunB, "", 4, "deleted"));
    writeFile(b / "tags" / "mlflow.runName", "fold-1");
    writeFile(b / "tags" / "mlflow.parentRunId", kRunA);
    writeFile(b / "metrics" / "loss", "1672364273330 0.9 0\n");

    const fs::path trashed = root / ".trash" / "9";
    writeFile(trashed / "meta.yaml", experimentMeta("9", "old", root));
    writeFile(trashed / kRunT / "meta.yaml", runMeta(root, "9", kRunT, "gone", 3, "active"));
    writeFile(root / "models" / "ignored" / "meta.yaml", "name: not-an-experiment\n");
    return root;
}

// The MLflow tables this importer reads, as in tests/resources/db/latest_schema.sql.
constexpr std::string_view kMlflowSchema = R"sql(
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
CREATE TABLE experiments (experiment_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(256) NOT NULL UNIQUE,
  artifact_location VARCHAR(256), lifecycle_stage VARCHAR(32), creation_time BIGINT, last_update_time BIGINT);
CREATE TABLE runs (run_uuid VARCHAR(32) NOT NULL PRIMARY KEY, name VARCHAR(250), source_type VARCHAR(20),
  source_name VARCHAR(500), entry_point_name VARCHAR(50), user_id VARCHAR(256), status VARCHAR(9),
  start_time BIGINT, end_time BIGINT, source_version VARCHAR(50), lifecycle_stage VARCHAR(20),
  artifact_uri VARCHAR(200), experiment_id INTEGER REFERENCES experiments(experiment_id), deleted_time BIGINT);
CREATE TABLE metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT NOT NULL,
  run_uuid VARCHAR(32) NOT NULL REFERENCES runs(run_uuid), step BIGINT DEFAULT 0 NOT NULL,
  is_nan BOOLEAN DEFAULT 0 NOT NULL, PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan));
CREATE TABLE latest_metrics (key VARCHAR(250) NOT NULL, value FLOAT NOT NULL, timestamp BIGINT,
  step BIGINT NOT NULL, is_nan BOOLEAN NOT NULL, run_uuid VARCHAR(32) NOT NULL, PRIMARY KEY (key, run_uuid));
CREATE TABLE params (key VARCHAR(250) NOT NULL, value VARCHAR(8000) NOT NULL, run_uuid VARCHAR(32) NOT NULL,
  PRIMARY KEY (key, run_uuid));
CREATE TABLE tags (key VARCHAR(250) NOT NULL, value VARCHAR(5000), run_uuid VARCHAR(32) NOT NULL,
  PRIMARY KEY (key, run_uuid));
INSERT INTO alembic_version VALUES ('1b5f0d9ad7c1');
INSERT INTO experiments VALUES (0, 'Default', 'mlflow-artifacts:/0', 'active', 1700000000000, 1700000000000);
INSERT INTO experiments VALUES (1, 'churn', 'mlflow-artifacts:/1', 'active', 1700000000001, 1700000000001);
INSERT INTO runs VALUES ('dddddddddddddddddddddddddddddd04', 'calm-owl-3', 'LOCAL', 'train.py', '', 'bob',
  'FINISHED', 1700000001000, 1700000002000, '', 'active', './mlartifacts/1/dddddddddddddddddddddddddddddd04/artifacts', 1, NULL);
INSERT INTO runs VALUES ('eeeeeeeeeeeeeeeeeeeeeeeeeeeeee05', 'tired-cat-9', 'LOCAL', 'train.py', '', 'bob',
  'KILLED', 1700000003000, NULL, '', 'deleted', 's3://bucket/x', 1, 1700000009000);
INSERT INTO params VALUES ('alpha', '0.5', 'dddddddddddddddddddddddddddddd04');
INSERT INTO params VALUES ('nested/key', 'v', 'dddddddddddddddddddddddddddddd04');
INSERT INTO tags VALUES ('mlflow.source.git.commit', 'feedbeef', 'dddddddddddddddddddddddddddddd04');
INSERT INTO tags VALUES ('mlflow.parentRunId', 'eeeeeeeeeeeeeeeeeeeeeeeeeeeeee05', 'dddddddddddddddddddddddddddddd04');
INSERT INTO metrics VALUES ('rmse', 2.0, 1700000001100, 'dddddddddddddddddddddddddddddd04', 0, 0);
INSERT INTO metrics VALUES ('rmse', 1.5, 1700000001200, 'dddddddddddddddddddddddddddddd04', 1, 0);
INSERT INTO metrics VALUES ('rmse', 0, 1700000001300, 'dddddddddddddddddddddddddddddd04', 2, 1);
INSERT INTO metrics VALUES ('big', 1.7976931348623157e308, 1700000001100, 'dddddddddddddddddddddddddddddd04', 0, 0);
INSERT INTO metrics VALUES ('big', -1.7976931348623157e308, 1700000001100, 'dddddddddddddddddddddddddddddd04', 1, 0);
)sql";

fs::path buildSqlite(const fs::path &dir)
{
    const fs::path path = dir / "mlflow.db";
    auto db = workspace::Database::open(path);
    if (!db || !(*db)->execute(kMlflowSchema))
        qFatal("cannot build the MLflow database");
    writeFile(dir / "mlartifacts" / "1" / "dddddddddddddddddddddddddddddd04" / "artifacts" /
                  "model.json",
              "{}");
    return path;
}

std::int64_t count(workspace::Database &db, const std::string &sql)
{
    auto statement = db.prepare(sql);
    if (!statement || !statement->step().ok())
        qFatal("query failed: %s", sql.c_str());
    return statement->columnInt(0);
}

} // namespace

class TestMlflowImport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    workspace::Workspace freshWorkspace(const char *name)
    {
        auto ws = workspace::Workspace::init(pathOf(m_dir) / name);
        if (!ws)
            qFatal("%s", ws.error().message.c_str());
        return std::move(*ws);
    }

private slots:
    void metricLinesTwoOrThreeFieldsAndPythonFloats()
    {
        const fs::path file = pathOf(m_dir) / "metric";
        writeFile(file, "10 0.5\n11 nan 3\n\n12 -inf 4\n13 1e+16 5\n");
        auto points = parseMlflowMetricFile(file);
        QVERIFY2(points.ok(), points.ok() ? "" : points.error().message.c_str());
        QCOMPARE(points->size(), std::size_t{4});
        QCOMPARE((*points)[0].step, std::int64_t{0});
        QCOMPARE((*points)[0].timestampMs, std::int64_t{10});
        QVERIFY(std::isnan((*points)[1].value));
        QVERIFY(std::isinf((*points)[2].value) && (*points)[2].value < 0);
        QCOMPARE((*points)[3].value, 1e16);

        writeFile(file, "10 0.5 0\n11 zero 1\n");
        auto bad = parseMlflowMetricFile(file);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.starts_with(file.string() + ":2: value is not a number"),
                 bad.error().message.c_str());
        writeFile(file, "10 0.5 0 9\n");
        QVERIFY(parseMlflowMetricFile(file).error().message.starts_with(file.string() +
                                                                        ":1: expected"));
    }

    void importsAFileStore()
    {
        const fs::path root = buildFileStore(pathOf(m_dir) / "fs");
        auto ws = freshWorkspace("ws-fs");
        auto report = importMlflow(ws.database(), root);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QCOMPARE(report->created, std::size_t{3});
        QCOMPARE(report->updated, std::size_t{0});

        auto a = loadRun(ws.database(), kRunA);
        QVERIFY(a.ok());
        QCOMPARE(a->info.name, std::string("bright-fox-7"));
        QCOMPARE(a->info.experiment, std::string("credit"));
        QCOMPARE(a->info.status, RunStatus::Finished);
        QCOMPARE(a->info.startMs, std::optional<std::int64_t>(1672364273319));
        QCOMPARE(a->info.endMs, std::optional<std::int64_t>(1672364280000));
        QCOMPARE(a->info.user, std::string("alice"));
        QCOMPARE(a->info.gitCommit, std::optional<std::string>("0123abcd"));
        QCOMPARE(a->info.origin, std::string("mlflow"));
        QVERIFY(!a->info.deleted);
        QCOMPARE(a->params.at("optimizer/lr"), std::string("0.1"));
        QCOMPARE(a->params.at("max_depth"), std::string("6"));
        QCOMPARE(a->tags.at("team"), std::string("risk"));
        QCOMPARE(a->latestMetrics.at("loss").value, 0.125);
        QCOMPARE(a->latestMetrics.at("eval/auc").value,
                 0.85); // two-field lines: step 0, latest time wins
        QCOMPARE(a->latestMetrics.at("weird").value, 1e-05);
        QCOMPARE(a->artifacts.size(), std::size_t{2});
        QCOMPARE(a->artifacts[0].path, std::string("model/model.pkl"));
        QVERIFY(a->artifacts[0].md5.empty());

        auto weird = metricHistory(ws.database(), kRunA, "weird");
        QVERIFY(weird.ok());
        QCOMPARE(weird->size(), std::size_t{4});
        QVERIFY(std::isnan((*weird)[0].value));
        QCOMPARE((*weird)[1].value, std::numeric_limits<double>::infinity());
        QCOMPARE((*weird)[2].value, -std::numeric_limits<double>::infinity());

        auto b = loadRun(ws.database(), kRunB);
        QVERIFY(b.ok());
        QVERIFY(b->info.deleted);
        QCOMPARE(b->info.name, std::string("fold-1")); // from mlflow.runName when run_name is empty
        QCOMPARE(b->info.status, RunStatus::Failed);
        QCOMPARE(b->info.parentRunId, std::optional<std::string>(kRunA));

        auto trashed = loadRun(ws.database(), kRunT);
        QVERIFY(trashed.ok() && trashed->info.deleted);
        QCOMPARE(trashed->info.experiment, std::string("old"));

        auto visible = listRuns(ws.database());
        QVERIFY(visible.ok());
        QCOMPARE(visible->size(), std::size_t{1});
        auto deleted = listRuns(ws.database(), {std::nullopt, DeletedRuns::Only});
        QCOMPARE(deleted->size(), std::size_t{2});
        QCOMPARE(count(ws.database(), "SELECT count(*) FROM experiments"), std::int64_t{3});
    }

    void reimportReplacesInsteadOfDuplicating()
    {
        const fs::path root = buildFileStore(pathOf(m_dir) / "fs2");
        auto ws = freshWorkspace("ws-re");
        QVERIFY(importMlflow(ws.database(), root).ok());
        const auto metricsBefore = count(ws.database(), "SELECT count(*) FROM metrics");
        QCOMPARE(metricsBefore, std::int64_t{3 + 2 + 4 + 1});

        const fs::path a = root / "412345678901234567" / kRunA;
        writeFile(a / "metrics" / "loss",
                  "1672364273330 0.5 0\n1672364273331 0.25 1\n1672364273332 0.125 2\n"
                  "1672364273333 0.0625 3\n");
        writeFile(a / "tags" / "team", "ops");
        fs::remove(a / "params" / "max_depth");
        auto again = importMlflow(ws.database(), root);
        QVERIFY(again.ok());
        QCOMPARE(again->created, std::size_t{0});
        QCOMPARE(again->updated, std::size_t{3});
        QCOMPARE(count(ws.database(), "SELECT count(*) FROM runs"), std::int64_t{3});
        QCOMPARE(count(ws.database(), "SELECT count(*) FROM metrics"), metricsBefore + 1);
        QCOMPARE(count(ws.database(), "SELECT count(*) FROM experiments"), std::int64_t{3});
        auto run = loadRun(ws.database(), kRunA);
        QCOMPARE(run->tags.at("team"), std::string("ops"));
        QCOMPARE(run->params.count("max_depth"), std::size_t{0});
        QCOMPARE(run->latestMetrics.at("loss").value, 0.0625);
        QCOMPARE(run->latestMetrics.at("loss").step, std::int64_t{3});
    }

    void importsAnSqliteDatabase()
    {
        const fs::path dir = pathOf(m_dir) / "sql";
        fs::create_directories(dir);
        const fs::path db = buildSqlite(dir);
        auto ws = freshWorkspace("ws-sql");
        auto report = importMlflow(ws.database(), "sqlite:///" + db.string());
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QCOMPARE(report->created, std::size_t{2});
        QCOMPARE(report->experiments, std::size_t{2});

        auto run = loadRun(ws.database(), "dddddddddddddddddddddddddddddd04");
        QVERIFY(run.ok());
        QCOMPARE(run->info.name, std::string("calm-owl-3"));
        QCOMPARE(run->info.experiment, std::string("churn"));
        QCOMPARE(run->info.user, std::string("bob"));
        QCOMPARE(run->info.gitCommit, std::optional<std::string>("feedbeef"));
        QCOMPARE(run->info.parentRunId,
                 std::optional<std::string>("eeeeeeeeeeeeeeeeeeeeeeeeeeeeee05"));
        QCOMPARE(run->params.at("nested/key"), std::string("v"));
        QVERIFY(std::isnan(run->latestMetrics.at("rmse").value));
        QCOMPARE(run->latestMetrics.at("rmse").step, std::int64_t{2});
        QCOMPARE(run->artifacts.size(), std::size_t{1});
        QCOMPARE(run->artifacts[0].path, std::string("model.json"));
        auto big = metricHistory(ws.database(), run->info.runId, "big");
        QVERIFY(big.ok());
        QCOMPARE((*big)[0].value, std::numeric_limits<double>::infinity());
        QCOMPARE((*big)[1].value, -std::numeric_limits<double>::infinity());

        auto killed = loadRun(ws.database(), "eeeeeeeeeeeeeeeeeeeeeeeeeeeeee05");
        QVERIFY(killed.ok());
        QVERIFY(killed->info.deleted);
        QCOMPARE(killed->info.status, RunStatus::Killed);
        QVERIFY(!killed->info.endMs);

        auto again = importMlflow(ws.database(), dir); // the project folder holding mlflow.db
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
        QCOMPARE(again->updated, std::size_t{2});
        QCOMPARE(count(ws.database(), "SELECT count(*) FROM metrics"), std::int64_t{5});
        QCOMPARE(count(ws.database(), "SELECT count(*) FROM runs"), std::int64_t{2});
    }

    void unreadableStoresNameTheFileAndLine()
    {
        const fs::path root = buildFileStore(pathOf(m_dir) / "broken");
        const fs::path metric = root / "412345678901234567" / kRunA / "metrics" / "loss";
        writeFile(metric, "1 0.5 0\n2 0.4 x\n");
        auto ws = freshWorkspace("ws-bad");
        auto bad = importMlflow(ws.database(), root);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.starts_with(metric.string() + ":2: step is not an integer"),
                 bad.error().message.c_str());
        QCOMPARE(count(ws.database(), "SELECT count(*) FROM runs"),
                 std::int64_t{0}); // read fails before writing

        writeFile(metric, "1 0.5 0\n");
        const fs::path meta = root / "412345678901234567" / kRunB / "meta.yaml";
        writeFile(meta, "run_id: x\nstatus: [1,\nname: y\n");
        bad = importMlflow(ws.database(), root);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.starts_with(meta.string() + ":"), bad.error().message.c_str());

        QVERIFY(!importMlflow(ws.database(), pathOf(m_dir) / "nowhere").ok());
        const fs::path notDb = pathOf(m_dir) / "not.db";
        writeFile(notDb, "this is not sqlite at all, just text that goes on for a while........");
        bad = importMlflow(ws.database(), notDb);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.find(notDb.string()) != std::string::npos,
                 bad.error().message.c_str());
        QVERIFY(fs::file_size(notDb) > 0); // never changed
    }
};

QTEST_MAIN(TestMlflowImport)
#include "test_mlflow_import.moc"
