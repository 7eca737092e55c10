// `assay monitor ingest` through the real binary: a first ingest creates the monitor, --json
// gives one document with the counts, bad lines are reported as FILE:LINE:COL and still exit 0,
// a rerun stores nothing new, and unreadable files, unknown models and bad options exit 2.
#include "support/cli_runner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using assay::testing::parseJson;
using assay::testing::runAssay;
using assay::testing::writeBytes;

namespace {

QByteArray trainingCsv()
{
    QByteArray csv("x1,x2,color,y\n");
    const char *colors[] = {"red", "green", "blue"};
    for (int i = 0; i < 300; ++i) {
        const double x1 = (i * 37 % 100) / 100.0;
        const double x2 = (i * 53 % 100) / 100.0;
        csv += QByteArray::number(x1) + ',' + QByteArray::number(x2) + ',' + colors[i % 3] + ',' +
               QByteArray::number(x1 + 0.3 * x2 > 0.6 ? 1 : 0) + '\n';
    }
    return csv;
}

QByteArray logLines()
{
    QByteArray log;
    for (int i = 0; i < 10; ++i)
        log += "{\"timestamp\": \"2024-06-03T1" + QByteArray::number(i) + ":00:00Z\", \"id\": \"r" +
               QByteArray::number(i) + "\", \"x1\": 0.5, \"x2\": 0.1, \"color\": \"red\", \"prediction\": 0.4}\n";
    log += "{\"x1\": 0.5, \"x2\": \n";
    log += "{\"id\": \"r1\", \"label\": 1}\n";
    return log;
}

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *word : list)
        out << QString::fromUtf8(word);
    return out;
}

} // namespace

class TestMonitorIngestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    assay::testing::CliOutcome assay(const QStringList &arguments) { return runAssay(arguments, m_root); }

private slots:
    void initTestCase()
    {
        m_root = m_dir.filePath(QStringLiteral("ws"));
        const auto init = runAssay({QStringLiteral("init"), m_root});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(writeBytes(m_root + QStringLiteral("/data/train.csv"), trainingCsv()));
        QVERIFY(writeBytes(m_root + QStringLiteral("/logs/a.jsonl"), logLines()));
        const auto trained = assay(words({"train", "--data", "data/train.csv", "--target", "y", "--model", "logreg",
                                          "--name", "risk", "--seed", "1"}));
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const auto registered = assay(words({"registry", "register", "credit", "--run", "risk"}));
        QVERIFY2(registered.exitCode == 0, qPrintable(registered.err));
    }

    void firstIngestCreatesTheMonitorAndPrintsJson()
    {
        const auto first = assay(words({"monitor", "ingest", "logs/a.jsonl", "--model", "credit", "--window", "week",
                                        "--json"}));
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject report = parseJson(first.out);
        QCOMPARE(report.value(QStringLiteral("monitor")).toString(), QStringLiteral("credit"));
        QCOMPARE(report.value(QStringLiteral("lines")).toInt(), 12);
        QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 10);
        QCOMPARE(report.value(QStringLiteral("labels")).toInt(), 1);
        QCOMPARE(report.value(QStringLiteral("bad_lines")).toInt(), 1);
        const QJsonObject bad = report.value(QStringLiteral("first_bad_lines")).toArray().at(0).toObject();
        QCOMPARE(bad.value(QStringLiteral("line")).toInt(), 11);
        QCOMPARE(bad.value(QStringLiteral("column")).toInt(), 18);
        QCOMPARE(report.value(QStringLiteral("first")).toString(), QStringLiteral("2024-06-03T10:00:00"));
    }

    void rerunStoresNothingNewAndPrintsASummary()
    {
        const auto again = assay(words({"monitor", "ingest", "logs/a.jsonl", "--model", "credit"}));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QStringLiteral("0 rows stored, 10 already stored")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QStringLiteral("logs/a.jsonl:11:18: ")), qPrintable(again.out));
    }

    void errorsExitTwo()
    {
        QCOMPARE(assay(words({"monitor", "ingest", "logs/none.jsonl", "--model", "credit"})).exitCode, 2);
        QCOMPARE(assay(words({"monitor", "ingest", "logs/a.jsonl", "--model", "nosuchmodel"})).exitCode, 2);
        QCOMPARE(assay(words({"monitor", "ingest", "logs/a.jsonl"})).exitCode, 2);
        QCOMPARE(assay(words({"monitor", "ingest", "--model", "credit"})).exitCode, 2);
        QCOMPARE(assay(words({"monitor", "ingest", "logs/a.jsonl", "--model", "credit", "--window", "fortnight"}))
                     .exitCode,
                 2);
        const auto unknownOption = assay(words({"monitor", "ingest", "logs/a.jsonl", "--model", "credit", "--nope"}));
        QCOMPARE(unknownOption.exitCode, 2);
    }

    void helpHasAnExample()
    {
        const auto help = assay(words({"help", "monitor", "ingest"}));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("assay monitor ingest logs/")));
    }
};

QTEST_GUILESS_MAIN(TestMonitorIngestCli)
#include "test_monitor_ingest_cli.moc"
