// The experiment-tracking store: every field round-trips, MLflow's latest-metric and param
// rules, nested runs, artifacts in the content store, and many processes writing at once.
#include "track/dataset_input.h"
#include "track/log_file_ingest.h"
#include "track/tracking_store.h"
#include "version/dvc_add.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"
#include "version/hash_state.h"
#include "workspace/workspace.h"

#include "support/check_ok.h"
#include "support/files.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace assay;
using assay::testing::pathOf;
using assay::testing::slurp;
using assay::testing::writeFile;
namespace fs = std::filesystem;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool sameDouble(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || (a == b && std::signbit(a) == std::signbit(b));
}

} // namespace

class TestTrackingStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path m_root;
    std::optional<workspace::Workspace> m_workspace;

    track::TrackingStore store()
    {
        auto opened = track::TrackingStore::open(*m_workspace);
        if (!opened)
            qFatal("%s", opened.error().message.c_str());
        return std::move(opened).value();
    }

    std::string startedRun(track::RunInfo info = {})
    {
        auto id = store().startRun(std::move(info));
        if (!id)
            qFatal("%s", id.error().message.c_str());
        return *id;
    }

private slots:
    void init()
    {
        m_root = pathOf(m_dir) / ("ws-" + std::string(QTest::currentTestFunction()));
        auto ws = workspace::Workspace::init(m_root);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.error().message.c_str());
        m_workspace.emplace(std::move(ws).value());
    }

    void cleanup() { m_workspace.reset(); }

    void everyFieldRoundTrips()
    {
        auto tracking = store();
        const std::string longText(100000, 'x');
        auto parent = startedRun();
        track::RunInfo info;
        info.runId = "0123456789abcdef0123456789abcdef";
        info.experiment = "credit \"scoring\" ünïcode";
        info.name = "fold-" + longText;
        info.startMs = 1700000000123;
        info.user = "ada";
        info.gitCommit = std::string(40, 'a');
        info.gitDirty = true;
        info.command = "python train.py --lr 0.1 'quoted arg'";
        info.parentRunId = parent;
        auto id = tracking.startRun(info);
        CHECK_OK(id);
        QCOMPARE(*id, info.runId);

        CHECK_OK(tracking.logParam(*id, "lr", "0.1"));
        CHECK_OK(tracking.logParam(*id, "notes", longText));
        CHECK_OK(tracking.logTag(*id, "model", "forest"));
        CHECK_OK(tracking.logTag(*id, "model", "boosting")); // tags are overwritten
        // -0.0 is left out: SQLite stores an integral REAL as an integer, so it reads back 0.0.
        const std::vector<double> values{0.5,       kNaN,     kInf,   -kInf,
                                         0.1 + 0.2, 4.9e-324, 1e-308, 1.7976931348623157e308};
        std::vector<track::MetricPoint> points;
        for (std::size_t i = 0; i < values.size(); ++i)
            points.push_back({static_cast<std::int64_t>(i),
                              1700000000000 + static_cast<std::int64_t>(i), values[i]});
        CHECK_OK(tracking.logMetrics(*id, "loss", points));
        CHECK_OK(tracking.logMetric(*id, "auc", {-5, 42, -kInf}));
        track::DatasetInput dataset{"credit", "data/credit.csv", std::string(32, 'b'), "HEAD",
                                    "validation"};
        CHECK_OK(tracking.logDataset(*id, dataset));
        auto artifact = tracking.logArtifactBytes(*id, "hello", "reports/summary.txt");
        CHECK_OK(artifact);
        CHECK_OK(tracking.finishRun(*id, track::RunStatus::Failed, 1700000009999));

        auto record = tracking.run(*id);
        CHECK_OK(record);
        const track::RunInfo &got = record->info;
        QCOMPARE(got.runId, info.runId);
        QCOMPARE(got.experiment, info.experiment);
        QCOMPARE(got.name, info.name);
        QCOMPARE(got.status, track::RunStatus::Failed);
        QCOMPARE(got.startMs, info.startMs);
        QCOMPARE(got.endMs, std::optional<std::int64_t>(1700000009999));
        QCOMPARE(got.user, info.user);
        QCOMPARE(got.gitCommit, info.gitCommit);
        QCOMPARE(got.gitDirty, info.gitDirty);
        QCOMPARE(got.command, info.command);
        QCOMPARE(got.parentRunId, info.parentRunId);
        QCOMPARE(got.origin, std::string("assay"));
        QCOMPARE(record->params.at("lr"), std::string("0.1"));
        QCOMPARE(record->params.at("notes"), longText);
        QCOMPARE(record->tags.at("model"), std::string("boosting"));
        QCOMPARE(record->datasets.size(), std::size_t(1));
        QCOMPARE(record->datasets[0].name, dataset.name);
        QCOMPARE(record->datasets[0].path, dataset.path);
        QCOMPARE(record->datasets[0].md5, dataset.md5);
        QCOMPARE(record->datasets[0].revision, dataset.revision);
        QCOMPARE(record->datasets[0].context, dataset.context);
        QCOMPARE(record->artifacts.size(), std::size_t(1));
        QCOMPARE(record->artifacts[0].path, std::string("reports/summary.txt"));
        QCOMPARE(record->artifacts[0].size, std::uint64_t(5));

        auto history = tracking.metricHistory(*id, "loss");
        CHECK_OK(history);
        QCOMPARE(history->size(), values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            QCOMPARE((*history)[i].step, points[i].step);
            QCOMPARE((*history)[i].timestampMs, points[i].timestampMs);
            QVERIFY2(sameDouble((*history)[i].value, values[i]), qPrintable(QString::number(i)));
        }
        const auto &auc = record->latestMetrics.at("auc");
        QCOMPARE(auc.step, std::int64_t(-5));
        QVERIFY(std::isinf(auc.value) && auc.value < 0);

        // A run with nothing optional set reads back unset, not as empty strings or zeros.
        auto bare = tracking.run(parent);
        CHECK_OK(bare);
        QCOMPARE(bare->info.experiment, std::string("Default"));
        QCOMPARE(bare->info.status, track::RunStatus::Running);
        QVERIFY(!bare->info.endMs && !bare->info.gitCommit && !bare->info.gitDirty);
        QVERIFY(!bare->info.parentRunId && !bare->info.command);
        QVERIFY(bare->info.startMs.has_value());
    }

    void latestMetricFollowsMlflowRule()
    {
        auto tracking = store();
        const auto id = startedRun();
        auto latest = [&]() { return tracking.run(id)->latestMetrics.at("m"); };
        CHECK_OK(tracking.logMetric(id, "m", {2, 10, 1.0}));
        CHECK_OK(tracking.logMetric(id, "m", {1, 99, 5.0})); // lower step: not latest
        QCOMPARE(latest().value, 1.0);
        CHECK_OK(tracking.logMetric(id, "m", {2, 9, 7.0})); // same step, older: not latest
        QCOMPARE(latest().value, 1.0);
        CHECK_OK(tracking.logMetric(id, "m", {2, 11, 0.0})); // same step, later timestamp
        QCOMPARE(latest().value, 0.0);
        CHECK_OK(tracking.logMetric(id, "m", {2, 11, 3.0})); // same step and time: larger value
        QCOMPARE(latest().value, 3.0);
        CHECK_OK(tracking.logMetric(id, "m", {2, 11, -1.0}));
        QCOMPARE(latest().value, 3.0);
        CHECK_OK(tracking.logMetric(id, "m", {2, 11, kNaN})); // NaN never wins on value
        QCOMPARE(latest().value, 3.0);
        // Within one batch the same rule applies, not the batch order.
        const std::vector<track::MetricPoint> batch{{7, 5, 70.0}, {8, 1, 80.0}, {3, 50, 30.0}};
        CHECK_OK(tracking.logMetrics(id, "m", batch));
        QCOMPARE(latest().step, std::int64_t(8));
        QCOMPARE(latest().value, 80.0);
        CHECK_OK(tracking.logMetric(id, "m", {9, 1, kNaN}));
        QVERIFY(std::isnan(latest().value));
        QCOMPARE(tracking.metricHistory(id, "m")->size(), std::size_t(11));
    }

    void paramsAreImmutable()
    {
        auto tracking = store();
        const auto id = startedRun();
        CHECK_OK(tracking.logParam(id, "learning_rate", "0.1"));
        CHECK_OK(tracking.logParam(id, "learning_rate", "0.1"));
        const Status changed = tracking.logParam(id, "learning_rate", "0.2");
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().kind, ErrorKind::InvalidInput);
        QVERIFY(changed.error().message.find("learning_rate") != std::string::npos);
        QCOMPARE(tracking.run(id)->params.at("learning_rate"), std::string("0.1"));
    }

    void keysFollowMlflowRules()
    {
        auto tracking = store();
        const auto id = startedRun();
        CHECK_OK(tracking.logMetric(id, "val/loss fold-1.mean_x", {0, 0, 1.0}));
        for (const char *bad : {"", "new\nline", "/abs", "a/../b", "..", "semi;colon"}) {
            const Status refused = tracking.logMetric(id, bad, {0, 0, 1.0});
            QVERIFY2(!refused.ok(), bad);
            QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
            QVERIFY(!tracking.logParam(id, bad, "v").ok());
            QVERIFY(!tracking.logTag(id, bad, "v").ok());
        }
        QVERIFY(!tracking.logParam(id, std::string(251, 'k'), "v").ok());
        CHECK_OK(tracking.logParam(id, std::string(250, 'k'), "v"));
        const std::vector<track::KeyedMetricPoint> mixed{{"ok", {0, 0, 1.0}},
                                                         {"bad*", {0, 0, 2.0}}};
        QVERIFY(!tracking.logMetricBatch(id, mixed).ok());
        QCOMPARE(tracking.metricHistory(id, "ok")->size(),
                 std::size_t(0)); // nothing of a refused batch is kept
    }

    void nestedRunsAndUnknownRuns()
    {
        auto tracking = store();
        track::RunInfo parentInfo;
        parentInfo.experiment = "cv";
        const auto parent = startedRun(parentInfo);
        std::vector<std::string> folds;
        for (int fold = 0; fold < 3; ++fold) {
            track::RunInfo info;
            info.experiment = "cv";
            info.name = "fold-" + std::to_string(fold);
            info.parentRunId = parent;
            folds.push_back(startedRun(info));
        }
        for (const auto &fold : folds)
            QCOMPARE(tracking.run(fold)->info.parentRunId, std::optional<std::string>(parent));
        QCOMPARE(tracking.experimentId("cv").value(), tracking.ensureExperiment("cv").value());
        QVERIFY(!tracking.createExperiment("cv").ok());

        track::RunInfo orphan;
        orphan.parentRunId = "ffffffffffffffffffffffffffffffff";
        QVERIFY(!tracking.startRun(orphan).ok());
        const Status unknown = tracking.logMetric("nosuchrun", "loss", {0, 0, 1.0});
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
        QVERIFY(unknown.error().message.find("nosuchrun") != std::string::npos);
        QCOMPARE(tracking.run("nosuchrun").error().kind, ErrorKind::NotFound);
        QVERIFY(!tracking.finishRun("nosuchrun", track::RunStatus::Finished).ok());
    }

    void artifactsLandInTheContentStore()
    {
        auto tracking = store();
        const auto id = startedRun();
        const std::string bytes = "weights\n" + std::string(300000, '\x01');
        writeFile(m_root / "model.bin", bytes);
        auto artifact = tracking.logArtifact(id, m_root / "model.bin", "model/model.bin");
        CHECK_OK(artifact);
        QCOMPARE(artifact->md5, version::md5OfBytes(bytes));
        QCOMPARE(artifact->size, std::uint64_t(bytes.size()));
        const fs::path object = version::cacheObjectPath(m_root, artifact->md5);
        QVERIFY(object.string().find(".dvc/cache/files/md5/" + artifact->md5.substr(0, 2) + "/" +
                                     artifact->md5.substr(2)) != std::string::npos);
        QCOMPARE(slurp(object), bytes);
        QCOMPARE(tracking.run(id)->artifacts.at(0).md5, artifact->md5);
        QVERIFY(!tracking.logArtifact(id, m_root / "missing.bin", "x").ok());
        QVERIFY(!tracking.logArtifactBytes(id, "x", "../escape").ok());
    }

    void datasetInputTakesMd5FromDvcPointer()
    {
        writeFile(m_root / "data" / "credit.csv", "id,amount\n1,100\n");
        version::HashState state(&m_workspace->database());
        auto added = version::addPath(m_root, m_root / "data" / "credit.csv", state);
        CHECK_OK(added);
        auto input = track::describeDataset(m_root, m_root / "data" / "credit.csv", "", "test");
        CHECK_OK(input);
        QCOMPARE(input->md5, added->output.md5);
        QCOMPARE(input->path, std::string("data/credit.csv"));
        QCOMPARE(input->name, std::string("credit.csv"));
        QCOMPARE(input->context, std::string("test"));
        QVERIFY(!track::describeDataset(m_root, m_root / "data" / "credit.csv", "", "train").ok());
        QVERIFY(!track::describeDataset(m_root, m_root / "nothing.csv", "", "test").ok());
    }

    void logFileIngestSkipsMalformedLines()
    {
        auto tracking = store();
        const auto id = startedRun();
        const fs::path file = m_root / "log.jsonl";
        writeFile(file, "{\"metric\": \"loss\", \"value\": 0.5, \"step\": 1}\n"
                        "{\"param\": \"lr\", \"value\": 0.1}\n"
                        "not json\n"
                        "{\"metric\": \"loss\", \"value\": \"abc\"}\n"
                        "{\"tag\": \"kind\", \"value\": \"cv\"}\n"
                        "{\"metric\": \"loss\", \"value\": \"NaN\", \"step\": 2}\n"
                        "{\"metric\": \"loss\", \"value\": 0.25, \"st");
        track::LogFileIngest ingest(tracking, id, file);
        CHECK_OK(ingest.poll());
        QCOMPARE(tracking.metricHistory(id, "loss")->size(), std::size_t(2));
        QCOMPARE(ingest.problems().size(), std::size_t(2));
        QVERIFY(ingest.problems()[0].find("log.jsonl:3:") != std::string::npos);
        QVERIFY(ingest.problems()[1].find("log.jsonl:4:") != std::string::npos);
        // The unfinished line is completed later and then read once.
        std::ofstream(file, std::ios::app) << "ep\": 3}\n";
        CHECK_OK(ingest.poll());
        CHECK_OK(ingest.finish());
        auto loss = tracking.metricHistory(id, "loss");
        QCOMPARE(loss->size(), std::size_t(3));
        QCOMPARE(loss->back().step, std::int64_t(3));
        QVERIFY(std::isnan((*loss)[1].value));
        auto record = tracking.run(id);
        QCOMPARE(record->params.at("lr"), std::string("0.1"));
        QCOMPARE(record->tags.at("kind"), std::string("cv"));
    }

    void concurrentWritersFromSeveralProcessesLoseNothing()
    {
        const QString cli = qEnvironmentVariable("ASSAY_CLI");
        QVERIFY(QFile::exists(cli));
        const auto id = startedRun();
        constexpr int kProcesses = 4;
        constexpr int kPointsEach = 40;
        std::vector<std::unique_ptr<QProcess>> writers;
        for (int writer = 0; writer < kProcesses; ++writer) {
            auto process = std::make_unique<QProcess>();
            process->setWorkingDirectory(QString::fromStdString(m_root.string()));
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("ASSAY_RUN_ID"), QString::fromStdString(id));
            process->setProcessEnvironment(env);
            // Each writer is a loop of separate `assay log metric` processes.
            const QString script =
                QStringLiteral("i=0; while [ $i -lt %1 ]; do \"$0\" log metric w%2 $i --step $i "
                               "|| exit 1; i=$((i+1)); done")
                    .arg(kPointsEach)
                    .arg(writer);
            process->start(QStringLiteral("sh"), {QStringLiteral("-c"), script, cli});
            writers.push_back(std::move(process));
        }
        // Meanwhile this process writes batches to the same run.
        auto tracking = store();
        std::vector<track::MetricPoint> batch(1000);
        for (int round = 0; round < 20; ++round) {
            for (std::size_t i = 0; i < batch.size(); ++i)
                batch[i] = {static_cast<std::int64_t>(round * 1000 + i), 0, double(i)};
            CHECK_OK(tracking.logMetrics(id, "batched", batch));
        }
        for (auto &process : writers) {
            QVERIFY(process->waitForFinished(300000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        }
        for (int writer = 0; writer < kProcesses; ++writer) {
            auto history = tracking.metricHistory(id, "w" + std::to_string(writer));
            CHECK_OK(history);
            QCOMPARE(history->size(), std::size_t(kPointsEach));
            for (int i = 0; i < kPointsEach; ++i)
                QCOMPARE((*history)[i].value, double(i));
        }
        QCOMPARE(tracking.metricHistory(id, "batched")->size(), std::size_t(20000));
        QCOMPARE(tracking.run(id)->latestMetrics.size(), std::size_t(kProcesses + 1));
    }
};

QTEST_GUILESS_MAIN(TestTrackingStore)
#include "test_tracking_store.moc"
