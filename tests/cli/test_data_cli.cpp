// `assay data ...` and `assay commit` through the real binary: exit codes, JSON, help.
#include "support/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using assay::testing::args;
using assay::testing::parseJson;
using assay::testing::runAssay;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QVERIFY2(assay::testing::writeBytes(path, bytes), qPrintable(path));
}

} // namespace

class TestDataCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI"))); }

    void helpHasExamples()
    {
        for (const char *command : {"data add", "data status", "data checkout", "data gc",
                                    "data push", "data pull", "commit"}) {
            QStringList words = QString::fromUtf8(command).split(QLatin1Char(' '));
            const auto help =
                runAssay(QStringList{QStringLiteral("help")} + words, QDir::tempPath());
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.contains(QLatin1String("example:")), command);
        }
    }

    void addStatusCheckoutCommitCycle()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QCOMPARE(runAssay(args({"init", "."}), root).exitCode, 0);
        writeFile(root + QStringLiteral("/data/credit.csv"), "id,amount\n1,100\n");
        writeFile(root + QStringLiteral("/data/images/a.png"), "A");

        const auto added = runAssay(args({"--json", "data", "add", "credit.csv", "images"}),
                                    root + QStringLiteral("/data"));
        QCOMPARE(added.exitCode, 0);
        const QJsonArray outputs = parseJson(added.out).value(QStringLiteral("outputs")).toArray();
        QCOMPARE(outputs.size(), 2);
        QCOMPARE(outputs[0].toObject().value(QStringLiteral("pointer")).toString(),
                 QStringLiteral("data/credit.csv.dvc"));
        QVERIFY(outputs[1]
                    .toObject()
                    .value(QStringLiteral("md5"))
                    .toString()
                    .endsWith(QLatin1String(".dir")));

        QCOMPARE(runAssay(args({"data", "status"}), root).exitCode, 0);
        const auto committed = runAssay(args({"commit", "-m", "track data"}), root);
        QCOMPARE(committed.exitCode, 0);
        QCOMPARE(committed.out.trimmed().size(), 7);
        QCOMPARE(runAssay(args({"commit", "-m", "again"}), root).exitCode, 2);

        writeFile(root + QStringLiteral("/data/credit.csv"), "id,amount\n1,999\n");
        writeFile(root + QStringLiteral("/data/images/b.png"), "B");
        const auto modified = runAssay(args({"data", "status", "--granular", "--json"}), root);
        QCOMPARE(modified.exitCode, 1);
        const QJsonObject status = parseJson(modified.out);
        QCOMPARE(status.value(QStringLiteral("clean")).toBool(), false);
        const QJsonArray rows = status.value(QStringLiteral("outputs")).toArray();
        QCOMPARE(rows[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("modified"));
        const QJsonArray files = rows[1].toObject().value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("added"));

        QFile::remove(root + QStringLiteral("/data/credit.csv"));
        const auto missing = runAssay(args({"--json", "data", "status"}), root);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.out.contains(QLatin1String("not in workspace")));

        const auto restored = runAssay(args({"data", "checkout", "data/credit.csv"}), root);
        QCOMPARE(restored.exitCode, 0);
        QFile credit(root + QStringLiteral("/data/credit.csv"));
        QVERIFY(credit.open(QIODevice::ReadOnly));
        QCOMPARE(credit.readAll(), QByteArray("id,amount\n1,100\n"));
    }

    void gcPushPullAndErrors()
    {
        QTemporaryDir dir;
        QTemporaryDir remote;
        const QString root = dir.path();
        QCOMPARE(runAssay(args({"init", "."}), root).exitCode, 0);
        writeFile(root + QStringLiteral("/a.csv"), "v1\n");
        QCOMPARE(runAssay(args({"data", "add", "a.csv"}), root).exitCode, 0);
        writeFile(root + QStringLiteral("/a.csv"), "v2\n");
        QCOMPARE(runAssay(args({"data", "add", "a.csv"}), root).exitCode, 0);

        const auto dry = runAssay(args({"--json", "data", "gc", "--dry-run"}), root);
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(parseJson(dry.out).value(QStringLiteral("removed")).toArray().size(), 1);
        QCOMPARE(parseJson(dry.out).value(QStringLiteral("bytes_freed")).toInt(), 3);

        const auto pushed =
            runAssay(QStringList{QStringLiteral("--json"), QStringLiteral("data"),
                                 QStringLiteral("push"), QStringLiteral("--remote"), remote.path()},
                     root);
        QCOMPARE(pushed.exitCode, 0);
        QCOMPARE(parseJson(pushed.out).value(QStringLiteral("transferred")).toArray().size(), 1);
        QDir(root + QStringLiteral("/.dvc/cache")).removeRecursively();
        const auto pulled = runAssay(QStringList{QStringLiteral("data"), QStringLiteral("pull"),
                                                 QStringLiteral("--remote"), remote.path()},
                                     root);
        QCOMPARE(pulled.exitCode, 0);
        QCOMPARE(runAssay(args({"data", "status"}), root).exitCode, 0);

        const auto outside = runAssay(args({"data", "add", "/etc/hostname"}), root);
        QCOMPARE(outside.exitCode, 2);
        QVERIFY(outside.err.contains(QLatin1String("/etc/hostname")));
        QVERIFY(outside.out.isEmpty());
        const auto noRemote = runAssay(args({"data", "push"}), root);
        QCOMPARE(noRemote.exitCode, 2);
        QVERIFY(noRemote.err.contains(QLatin1String("--remote")));
    }
};

QTEST_GUILESS_MAIN(TestDataCli)
#include "test_data_cli.moc"
