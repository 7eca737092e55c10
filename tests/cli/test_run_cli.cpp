// `assay run` and `assay log ...` through the real binary: statuses, exit codes passed through,
// ASSAY_LOG_FILE ingestion, artifacts, and the exit code 2 cases.
#include "support/cli_runner.h"
#include "track/tracking_store.h"
#include "version/dvc_layout.h"
#include "workspace/workspace.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>
#include <fstream>

using assay::testing::args;
using assay::testing::parseJson;
using assay::testing::runAssay;
using namespace assay;
namespace fs = std::filesystem;

namespace {

QString runIdIn(const QString &stderrText)
{
    static const QRegularExpression started(QStringLiteral("run ([0-9a-f]{32}) started"));
    return started.match(stderrText).captured(1);
}

struct Opened {
    std::optional<workspace::Workspace> workspace;
    std::optional<track::TrackingStore> store;
};

Opened openStore(const QString &root)
{
    Opened opened;
    auto ws = workspace::Workspace::open(root.toStdString());
    if (!ws)
        qFatal("%s", ws.error().message.c_str());
    opened.workspace.emplace(std::move(ws).value());
    opened.store.emplace(track::TrackingStore::open(*opened.workspace).value());
    return opened;
}

// Runs assay with extra environment variables (and without ASSAY_RUN_ID unless given).
testing::CliOutcome runWithEnv(const QStringList &arguments, const QString &dir,
                               const QMap<QString, QString> &extra)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ASSAY_RUN_ID"));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("ASSAY_CLI"), arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestRunCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_root;

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI")));
        m_root = m_dir.path() + QStringLiteral("/ws");
        QVERIFY(QDir().mkpath(m_root));
        QCOMPARE(runAssay(args({"init", "."}), m_root).exitCode, 0);
    }

    void helpHasExamples()
    {
        for (const char *command :
             {"run", "log metric", "log param", "log tag", "log artifact", "log dataset"}) {
            const auto help = runAssay(QStringList{QStringLiteral("help")} +
                                           QString::fromUtf8(command).split(QLatin1Char(' ')),
                                       m_root);
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains(QLatin1String("example:")), command);
        }
    }

    void failingCommandPassesItsExitCodeAndKeepsWhatItLogged()
    {
        const QString cli = qEnvironmentVariable("ASSAY_CLI");
        const QString script = QStringLiteral(
            "\"$0\" log metric loss 0.5 --step 1 && \"$0\" log metric loss nan --step 2 && "
            "\"$0\" log param depth 7 && echo hello-out && echo hello-err >&2; exit 3");
        const auto outcome =
            runAssay(QStringList{QStringLiteral("run"), QStringLiteral("--experiment"),
                                 QStringLiteral("cli"), QStringLiteral("--param"),
                                 QStringLiteral("lr=0.1"), QStringLiteral("--"),
                                 QStringLiteral("sh"), QStringLiteral("-c"), script, cli},
                     m_root);
        QCOMPARE(outcome.exitCode, 3);
        QVERIFY(outcome.out.contains(QLatin1String("hello-out"))); // teed to our stdout
        QVERIFY(outcome.err.contains(QLatin1String("hello-err")));
        const QString id = runIdIn(outcome.err);
        QVERIFY2(!id.isEmpty(), qPrintable(outcome.err));

        auto opened = openStore(m_root);
        auto record = opened.store->run(id.toStdString());
        QVERIFY(record.ok());
        QCOMPARE(record->info.status, track::RunStatus::Failed);
        QCOMPARE(record->info.experiment, std::string("cli"));
        QVERIFY(record->info.endMs && record->info.startMs &&
                *record->info.endMs >= *record->info.startMs);
        QVERIFY(record->info.command->starts_with("sh -c "));
        QCOMPARE(record->params.at("lr"), std::string("0.1"));
        QCOMPARE(record->params.at("depth"), std::string("7"));
        QCOMPARE(record->tags.at("assay.exit_code"), std::string("3"));
        auto loss = opened.store->metricHistory(id.toStdString(), "loss");
        QCOMPARE(loss->size(), std::size_t(2));
        QCOMPARE((*loss)[0].value, 0.5);
        QVERIFY(std::isnan((*loss)[1].value));

        std::map<std::string, track::Artifact> artifacts;
        for (const auto &artifact : record->artifacts)
            artifacts[artifact.path] = artifact;
        QVERIFY(artifacts.contains("stdout.txt"));
        QVERIFY(artifacts.contains("stderr.txt"));
        const fs::path object =
            version::cacheObjectPath(m_root.toStdString(), artifacts["stdout.txt"].md5);
        std::ifstream in(object);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QCOMPARE(text, std::string("hello-out\n"));
        // Nothing of the run is left in the scratch folder.
        QVERIFY(!fs::exists(fs::path(m_root.toStdString()) / ".assay" / "tmp" / "runs" /
                            id.toStdString()));
    }

    void successfulRunRecordsGitStateAndFinishes()
    {
        QVERIFY(testing::writeBytes(m_root + QStringLiteral("/train.txt"), "x"));
        QCOMPARE(runAssay(args({"commit", "-m", "start", "train.txt"}), m_root).exitCode, 0);
        const auto outcome = runAssay(args({"run", "--name", "ok", "--", "true"}), m_root);
        QCOMPARE(outcome.exitCode, 0);
        auto opened = openStore(m_root);
        auto record = opened.store->run(runIdIn(outcome.err).toStdString());
        QVERIFY(record.ok());
        QCOMPARE(record->info.status, track::RunStatus::Finished);
        QCOMPARE(record->info.name, std::string("ok"));
        QCOMPARE(record->info.experiment, std::string("Default"));
        QVERIFY(record->info.gitCommit.has_value());
        QCOMPARE(record->info.gitCommit->size(), std::size_t(40));
        QVERIFY(record->info.gitDirty.has_value());
    }

    void logFileLinesAreIngestedAndMalformedOnesReported()
    {
        const QString script = QStringLiteral(
            "i=0; while [ $i -lt 500 ]; do echo \"{\\\"metric\\\": \\\"acc\\\", \\\"value\\\": "
            "$i, \\\"step\\\": $i}\" >> \"$ASSAY_LOG_FILE\"; i=$((i+1)); done; "
            "echo 'this is not json' >> \"$ASSAY_LOG_FILE\"; "
            "echo '{\"param\": \"optimizer\", \"value\": \"adam\"}' >> \"$ASSAY_LOG_FILE\"; "
            "printf '{\"tag\": \"phase\", \"value\": \"end\"}' >> \"$ASSAY_LOG_FILE\"");
        const auto outcome =
            runAssay(QStringList{QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("sh"),
                                 QStringLiteral("-c"), script},
                     m_root);
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY2(outcome.err.contains(QLatin1String("log.jsonl:501:")), qPrintable(outcome.err));
        auto opened = openStore(m_root);
        const std::string id = runIdIn(outcome.err).toStdString();
        auto acc = opened.store->metricHistory(id, "acc");
        QCOMPARE(acc->size(), std::size_t(500));
        QCOMPARE(acc->back().value, 499.0);
        auto record = opened.store->run(id);
        QCOMPARE(record->info.status, track::RunStatus::Finished);
        QCOMPARE(record->params.at("optimizer"), std::string("adam"));
        QCOMPARE(record->tags.at("phase"), std::string("end")); // last line had no newline
        QCOMPARE(record->latestMetrics.at("acc").step, std::int64_t(499));
    }

    void interruptedRunIsKilled_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("Ctrl-C") << int(SIGINT);
        QTest::newRow("terminated") << int(SIGTERM);
        QTest::newRow("terminal closed") << int(SIGHUP);
    }

    void interruptedRunIsKilled()
    {
        QFETCH(int, signal);
        QProcess process;
        process.setWorkingDirectory(m_root);
        process.start(
            qEnvironmentVariable("ASSAY_CLI"),
            args({"run", "--", "sh", "-c", "trap 'exit 130' INT; while :; do sleep 0.1; done"}));
        QVERIFY(process.waitForStarted());
        QString err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += QString::fromUtf8(process.readAllStandardError()), !runIdIn(err).isEmpty()),
            10000);
        QTest::qWait(300);
        ::kill(static_cast<pid_t>(process.processId()), signal);
        QVERIFY(process.waitForFinished(20000));
        err += QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 130);
        auto opened = openStore(m_root);
        QCOMPARE(opened.store->run(runIdIn(err).toStdString())->info.status,
                 track::RunStatus::Killed);
    }

    void stdinPassesThroughAndNestedRunsLogFromAnyFolder()
    {
        const auto parent = runAssay(args({"run", "--", "true"}), m_root);
        const QString parentId = runIdIn(parent.err);
        QVERIFY(!parentId.isEmpty());
        // The child runs in another folder: ASSAY_WORKSPACE still leads `assay log` home.
        QProcess process;
        process.setWorkingDirectory(QDir::tempPath());
        process.start(qEnvironmentVariable("ASSAY_CLI"),
                      QStringList{QStringLiteral("--workspace"), m_root, QStringLiteral("run"),
                                  QStringLiteral("--parent"), parentId, QStringLiteral("--"),
                                  QStringLiteral("sh"), QStringLiteral("-c"),
                                  QStringLiteral("cat; \"$0\" log tag where elsewhere"),
                                  qEnvironmentVariable("ASSAY_CLI")});
        QVERIFY(process.waitForStarted());
        process.write("from stdin\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()),
                 QStringLiteral("from stdin\n"));
        const QString childId = runIdIn(QString::fromUtf8(process.readAllStandardError()));
        auto opened = openStore(m_root);
        auto child = opened.store->run(childId.toStdString());
        QVERIFY(child.ok());
        QCOMPARE(child->info.parentRunId, std::optional<std::string>(parentId.toStdString()));
        QCOMPARE(child->tags.at("where"), std::string("elsewhere"));
        QCOMPARE(runAssay(args({"run", "--parent", "0000", "--", "true"}), m_root).exitCode, 2);
    }

    void badInputsExitTwo()
    {
        const auto started = runAssay(args({"run", "--", "true"}), m_root);
        const QString id = runIdIn(started.err);
        const QMap<QString, QString> inRun{{QStringLiteral("ASSAY_RUN_ID"), id}};

        auto notNumber = runWithEnv(args({"log", "metric", "loss", "abc"}), m_root, inRun);
        QCOMPARE(notNumber.exitCode, 2);
        QVERIFY(notNumber.err.contains(QLatin1String("'abc'")));

        auto noRun = runWithEnv(args({"log", "metric", "loss", "1"}), m_root, {});
        QCOMPARE(noRun.exitCode, 2);
        QVERIFY(noRun.err.contains(QLatin1String("ASSAY_RUN_ID")));
        QVERIFY(noRun.err.contains(QLatin1String("assay run")));

        auto unknown =
            runWithEnv(args({"log", "param", "k", "v", "--run", "feedfeedfeedfeed"}), m_root, {});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QLatin1String("feedfeedfeedfeed")));

        QCOMPARE(runWithEnv(args({"log", "param", "k", "v1"}), m_root, inRun).exitCode, 0);
        auto changed = runWithEnv(args({"log", "param", "k", "v2"}), m_root, inRun);
        QCOMPARE(changed.exitCode, 2);
        QVERIFY(changed.err.contains(QLatin1String("'k'")));

        QCOMPARE(runAssay(args({"run", "--param", "novalue", "--", "true"}), m_root).exitCode, 2);
        QCOMPARE(runAssay(args({"run"}), m_root).exitCode, 2);
        QCOMPARE(runWithEnv(args({"log", "dataset", "missing.csv"}), m_root, inRun).exitCode, 2);
        auto missing = runAssay(args({"run", "--", "no-such-program-assay"}), m_root);
        QCOMPARE(missing.exitCode, 127);
    }

    void artifactAndDatasetThroughCli()
    {
        QVERIFY(testing::writeBytes(m_root + QStringLiteral("/data/d.csv"), "a\n1\n"));
        QCOMPARE(runAssay(args({"data", "add", "data/d.csv"}), m_root).exitCode, 0);
        QVERIFY(testing::writeBytes(m_root + QStringLiteral("/model.bin"), "weights"));
        const auto outcome = runAssay(
            args({"run", "--", "sh", "-c",
                  "\"$0\" log artifact model.bin --name models/m.bin && \"$0\" log dataset "
                  "data/d.csv --context validation"})
                << qEnvironmentVariable("ASSAY_CLI"),
            m_root);
        QCOMPARE(outcome.exitCode, 0);
        auto opened = openStore(m_root);
        auto record = opened.store->run(runIdIn(outcome.err).toStdString());
        bool found = false;
        for (const auto &artifact : record->artifacts)
            found = found || (artifact.path == "models/m.bin" && artifact.size == 7);
        QVERIFY(found);
        QCOMPARE(record->datasets.size(), std::size_t(1));
        QCOMPARE(record->datasets[0].context, std::string("validation"));
        QCOMPARE(record->datasets[0].path, std::string("data/d.csv"));
        QCOMPARE(record->datasets[0].md5.size(), std::size_t(32));
    }
};

QTEST_GUILESS_MAIN(TestRunCli)
#include "test_run_cli.moc"
