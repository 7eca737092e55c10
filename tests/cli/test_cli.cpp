// Drives the real `assay` binary as a user or a CI pipeline would: exit codes, stdout, stderr.
#include "support/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using assay::testing::parseJson;
using assay::testing::runAssay;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY2(assay::testing::writeBytes(path, bytes), qPrintable(path));
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("ASSAY_CLI")), "the assay binary is built");
    }

    void versionAndHelp()
    {
        const auto version = runAssay({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QLatin1String("assay ")));

        const auto overview = runAssay({QStringLiteral("help")});
        QCOMPARE(overview.exitCode, 0);
        for (const char *command : {"init", "demo", "inspect"})
            QVERIFY2(overview.out.contains(QLatin1String(command)), command);

        const auto init = runAssay({QStringLiteral("help"), QStringLiteral("init")});
        QCOMPARE(init.exitCode, 0);
        QVERIFY(init.out.contains(QLatin1String("example:")));

        const auto helpOption = runAssay({QStringLiteral("explain"), QStringLiteral("shap"),
                                          QStringLiteral("--model"), QStringLiteral("m.json"),
                                          QStringLiteral("--help")});
        QCOMPARE(helpOption.exitCode, 0);
        QVERIFY(helpOption.out.startsWith(QLatin1String("usage: assay explain shap")));

        const auto group = runAssay({QStringLiteral("help"), QStringLiteral("audit")});
        QCOMPARE(group.exitCode, 0);
        QVERIFY(group.out.contains(QLatin1String("audit verify")));
        QVERIFY(group.out.contains(QLatin1String("audit checkpoint")));
        QVERIFY(!group.out.contains(QLatin1String("registry")));
    }

    void unknownCommandsAndOptionsAreUsageErrors()
    {
        const auto unknown = runAssay({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.out.isEmpty());
        QVERIFY(unknown.err.contains(QLatin1String("frobnicate")));

        const auto badOption = runAssay({QStringLiteral("inspect"), QStringLiteral("--bogus"),
                                         QStringLiteral("x.csv")});
        QCOMPARE(badOption.exitCode, 2);
        QVERIFY(badOption.err.contains(QLatin1String("--bogus")));
        QCOMPARE(runAssay({QStringLiteral("help"), QStringLiteral("frobnicate")}).exitCode, 2);
    }

    void initThenInitAgain()
    {
        QTemporaryDir dir;
        const auto first = runAssay({QStringLiteral("--json"), QStringLiteral("init"), dir.path()});
        QCOMPARE(first.exitCode, 0);
        const QJsonObject report = parseJson(first.out);
        QVERIFY2(!report.isEmpty(), qPrintable(first.out));
        QVERIFY(report.value(QStringLiteral("created_git_repository")).toBool());
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral(".assay/assay.db"))));

        const auto second = runAssay({QStringLiteral("init"), dir.path()});
        QCOMPARE(second.exitCode, 0);
        QVERIFY(second.out.contains(QLatin1String("nothing to add")));
    }

    void inspectReportsBadInputWithLineAndColumn()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.csv"));
        writeFile(bad, "a,b\n1,2\n3,\"oops\n");
        const auto outcome = runAssay({QStringLiteral("inspect"), bad});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains(QLatin1String("bad.csv:3:")), qPrintable(outcome.err));
        QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
    }

    void inspectJsonIsOneDocument()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good.csv"));
        writeFile(good, "name,score,when\nada,1.5,2024-01-02\nbob,NA,2024-02-03\n");
        const auto outcome = runAssay({QStringLiteral("inspect"), good, QStringLiteral("--json")});
        QCOMPARE(outcome.exitCode, 0);
        const QJsonObject document = parseJson(outcome.out);
        QCOMPARE(document.value(QStringLiteral("rows")).toInt(), 2);
        const auto columns = document.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 3);
        QCOMPARE(columns[1].toObject().value(QStringLiteral("type")).toString(), QStringLiteral("float"));
        QCOMPARE(columns[1].toObject().value(QStringLiteral("missing")).toInt(), 1);
        QCOMPARE(columns[2].toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("datetime"));
    }

    void lenientSkipsAndCountsBadRows()
    {
        QTemporaryDir dir;
        const QString ragged = dir.filePath(QStringLiteral("ragged.csv"));
        writeFile(ragged, "a,b\n1,2\n3\n4,5\n");
        QCOMPARE(runAssay({QStringLiteral("inspect"), ragged}).exitCode, 2);
        const auto lenient = runAssay({QStringLiteral("inspect"), ragged, QStringLiteral("--lenient"),
                                       QStringLiteral("--json")});
        QCOMPARE(lenient.exitCode, 0);
        const QJsonObject document = parseJson(lenient.out);
        QCOMPARE(document.value(QStringLiteral("rows")).toInt(), 2);
        QCOMPARE(document.value(QStringLiteral("bad_rows")).toInt(), 1);
    }

    void demoMakesAWorkspaceWithTwoVersions()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("demo"));
        const auto made = runAssay({QStringLiteral("demo"), demo, QStringLiteral("--rows"),
                                    QStringLiteral("1000")});
        QCOMPARE(made.exitCode, 0);
        QVERIFY(QFile::exists(demo + QStringLiteral("/data/credit.csv.dvc")));
        const auto inspected =
            runAssay({QStringLiteral("inspect"), QStringLiteral("data/credit.csv"), QStringLiteral("--json")},
                     demo);
        QCOMPARE(inspected.exitCode, 0);
        QCOMPARE(parseJson(inspected.out).value(QStringLiteral("rows")).toInt(), 1000);
        QCOMPARE(runAssay({QStringLiteral("demo"), demo}).exitCode, 2); // not empty any more
    }

    void interruptCancelsCleanly()
    {
        QTemporaryDir dir;
        const QString demo = dir.filePath(QStringLiteral("big"));
        QProcess process;
        process.start(qEnvironmentVariable("ASSAY_CLI"),
                      {QStringLiteral("demo"), demo, QStringLiteral("--rows"), QStringLiteral("3000000")});
        QVERIFY(process.waitForStarted());
        QTest::qWait(400);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(!QDir(demo).exists());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
