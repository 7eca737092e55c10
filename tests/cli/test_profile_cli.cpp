// `assay profile` through the real binary: JSON shape per type, the human table, exit 2 with
// the file named for unreadable input, and help with an example.
#include "support/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using assay::testing::parseJson;
using assay::testing::runAssay;
using assay::testing::writeBytes;

class TestProfileCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI"))); }

    void helpHasAnExample()
    {
        const auto help = runAssay({QStringLiteral("help"), QStringLiteral("profile")}, QDir::tempPath());
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("example:")));
        QVERIFY(help.out.contains(QLatin1String("assay profile")));
    }

    void jsonHasOnlyTheKeysOfEachType()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.csv"));
        QVERIFY(writeBytes(path, "n,s,b,t,e\n1,x,true,2024-01-01T00:00:00Z,\n2,y,false,2024-02-01T00:00:00Z,\n"
                                 "3,x,true,,\n"));
        const auto run = runAssay({QStringLiteral("profile"), path, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = parseJson(run.out);
        QCOMPARE(doc.value(QStringLiteral("rows")).toInt(), 3);
        QCOMPARE(doc.value(QStringLiteral("source")).toString(), path);
        const QJsonArray columns = doc.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 5);
        const auto keys = [&](int i) { return columns[i].toObject().keys(); };
        const QStringList common{QStringLiteral("count"), QStringLiteral("distinct"),
                                 QStringLiteral("missing"), QStringLiteral("name"), QStringLiteral("type")};
        QStringList numeric = common + QStringList{QStringLiteral("histogram"), QStringLiteral("max"),
                                                   QStringLiteral("mean"), QStringLiteral("min"),
                                                   QStringLiteral("quantiles"), QStringLiteral("std"),
                                                   QStringLiteral("zeros")};
        numeric.sort();
        QCOMPARE(keys(0), numeric);
        for (const QString &key : {QStringLiteral("avg_length"), QStringLiteral("top")})
            QVERIFY(keys(1).contains(key));
        QVERIFY(!keys(1).contains(QStringLiteral("mean")));
        QVERIFY(keys(2).contains(QStringLiteral("mean")) && keys(2).contains(QStringLiteral("top")));
        QCOMPARE(columns[3].toObject().value(QStringLiteral("min")).toString(),
                 QStringLiteral("2024-01-01")); // as Column::format() writes a midnight
        QCOMPARE(columns[4].toObject().value(QStringLiteral("count")).toInt(), 0);
        QVERIFY(!keys(4).contains(QStringLiteral("mean")));
        const QJsonObject n = columns[0].toObject();
        QCOMPARE(n.value(QStringLiteral("quantiles")).toObject().value(QStringLiteral("0.5")).toDouble(), 2.0);
        QCOMPARE(n.value(QStringLiteral("histogram")).toObject().value(QStringLiteral("edges")).toArray().size(), 21);

        const auto human = runAssay({QStringLiteral("profile"), path});
        QCOMPARE(human.exitCode, 0);
        QVERIFY(human.out.contains(QLatin1String("3 rows")));
        for (const QString &line : human.out.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 100, qPrintable(line));
    }

    void unreadableInputExitsTwoNamingTheFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("absent.csv"));
        const QString empty = dir.filePath(QStringLiteral("empty.csv"));
        const QString ragged = dir.filePath(QStringLiteral("ragged.csv"));
        QVERIFY(writeBytes(empty, ""));
        QVERIFY(writeBytes(ragged, "a,b\n1,2\n3,4,5\n"));
        for (const QString &path : {missing, empty, ragged}) {
            const auto run = runAssay({QStringLiteral("profile"), path, QStringLiteral("--json")});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QFileInfo(path).fileName()), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        const auto run = runAssay({QStringLiteral("profile"), ragged});
        QVERIFY2(run.err.contains(QLatin1String("ragged.csv:3:")), qPrintable(run.err));
        QCOMPARE(runAssay({QStringLiteral("profile")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestProfileCli)
#include "test_profile_cli.moc"
