// `assay schema infer` and `assay validate` through the real binary: a schema inferred from
// a file accepts it, a changed file exits 1 with the anomalies in --json, bad input exits 2.
#include "support/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
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

// 200 rows: a unique id, ages 20..69, three cities, an income missing on every 10th row.
QByteArray creditCsv()
{
    QByteArray csv = "id,age,city,income\n";
    const char *cities[] = {"Braga", "Faro", "Porto"};
    for (int i = 1; i <= 200; ++i) {
        csv += QByteArray::number(i) + ',' + QByteArray::number(20 + i % 50) + ',' + cities[i % 3] +
               ',';
        if (i % 10 != 0)
            csv += QByteArray::number(1000 + i * 7.5);
        csv += '\n';
    }
    return csv;
}

QSet<QString> kindsOf(const QJsonObject &report)
{
    QSet<QString> kinds;
    for (const auto &anomaly : report.value(QStringLiteral("anomalies")).toArray())
        kinds.insert(anomaly.toObject().value(QStringLiteral("kind")).toString() +
                     QLatin1Char(':') +
                     anomaly.toObject().value(QStringLiteral("column")).toString());
    return kinds;
}

} // namespace

class TestValidateCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI"))); }

    void helpShowsTheSuiteFormat()
    {
        const auto help = runAssay(args({"help", "validate"}));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("example:")));
        QVERIFY(help.out.contains(
            QLatin1String("    - column: age\n      between: {min: 18, max: 99}")));
        QVERIFY(help.out.contains(QLatin1String("row_count_between: {min: 100}")));
        QVERIFY(help.out.contains(QLatin1String("--suite FILE")));
        const auto infer = runAssay(args({"help", "schema", "infer"}));
        QCOMPARE(infer.exitCode, 0);
        QVERIFY(infer.out.contains(QLatin1String("example:")));
    }

    void inferredSchemaAcceptsItsOwnData()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("credit.csv")), creditCsv());
        const auto inferred =
            runAssay(args({"schema", "infer", "credit.csv", "-o", "schema.json"}), dir.path());
        QCOMPARE(inferred.exitCode, 0);
        QVERIFY(inferred.out.contains(QLatin1String("wrote schema.json: 4 columns")));

        QFile file(dir.filePath(QStringLiteral("schema.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject schema = parseJson(QString::fromUtf8(file.readAll()));
        const QJsonArray columns = schema.value(QStringLiteral("columns")).toArray();
        QCOMPARE(columns.size(), 4);
        QCOMPARE(columns[1].toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("int"));
        QCOMPARE(columns[1].toObject().value(QStringLiteral("min")).toInt(), 20);
        QCOMPARE(columns[2].toObject().value(QStringLiteral("domain")).toArray().size(), 3);
        QCOMPARE(columns[3].toObject().value(QStringLiteral("required")).toBool(), false);
        QCOMPARE(columns[3].toObject().value(QStringLiteral("min_presence")).toDouble(), 0.9);

        // Without -o the schema goes to stdout.
        const auto printed = runAssay(args({"schema", "infer", "credit.csv"}), dir.path());
        QCOMPARE(printed.exitCode, 0);
        QCOMPARE(parseJson(printed.out), schema);

        const auto validated = runAssay(
            args({"--json", "validate", "credit.csv", "--schema", "schema.json"}), dir.path());
        QCOMPARE(validated.exitCode, 0);
        const QJsonObject report = parseJson(validated.out);
        QCOMPARE(report.value(QStringLiteral("anomalies")).toArray().size(), 0);
        QCOMPARE(report.value(QStringLiteral("rows")).toInt(), 200);
        QCOMPARE(report.value(QStringLiteral("source")).toString(), QStringLiteral("credit.csv"));
        QVERIFY(!report.contains(QStringLiteral("tests")));

        const auto human =
            runAssay(args({"validate", "credit.csv", "--schema", "schema.json"}), dir.path());
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains(QLatin1String("credit.csv: 200 rows, no anomalies")),
                 qPrintable(human.out));

        // Without --schema: NAME.schema.json beside the data, or a hint how to make one.
        const auto noSchema = runAssay(args({"validate", "credit.csv"}), dir.path());
        QCOMPARE(noSchema.exitCode, 2);
        QVERIFY2(noSchema.err.contains(QLatin1String("credit.schema.json")), qPrintable(noSchema.err));
        QVERIFY(QFile::copy(dir.filePath(QStringLiteral("schema.json")),
                            dir.filePath(QStringLiteral("credit.schema.json"))));
        const auto beside = runAssay(args({"--json", "validate", "credit.csv"}), dir.path());
        QCOMPARE(beside.exitCode, 0);
        QCOMPARE(parseJson(beside.out), report);
    }

    void changedDataExitsOneWithTheAnomalies()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("credit.csv")), creditCsv());
        QCOMPARE(
            runAssay(args({"schema", "infer", "credit.csv", "--output", "schema.json"}), dir.path())
                .exitCode,
            0);

        QByteArray changed = "id,age,city,income,extra\n";
        for (int i = 1; i <= 100; ++i)
            changed += QByteArray::number(i) + ',' + QByteArray::number(i == 5 ? 130 : 30) + ',' +
                       (i <= 10 ? "Lisboa" : "Porto") + ',' + (i == 7 ? "unknown" : "1500") +
                       ",x\n";
        writeFile(dir.filePath(QStringLiteral("changed.csv")), changed);
        const auto validated = runAssay(
            args({"--json", "validate", "changed.csv", "--schema", "schema.json"}), dir.path());
        QCOMPARE(validated.exitCode, 1);
        const QJsonObject report = parseJson(validated.out);
        const QSet<QString> expected{
            QStringLiteral("out_of_range:age"), QStringLiteral("unexpected_values:city"),
            QStringLiteral("type_mismatch:income"), QStringLiteral("new_column:extra")};
        QCOMPARE(kindsOf(report), expected);
        for (const auto &value : report.value(QStringLiteral("anomalies")).toArray()) {
            const QJsonObject anomaly = value.toObject();
            if (anomaly.value(QStringLiteral("kind")).toString() == QLatin1String("type_mismatch"))
                QVERIFY(anomaly.value(QStringLiteral("detail"))
                            .toString()
                            .contains(QLatin1String("'unknown' (1)")));
            if (anomaly.value(QStringLiteral("kind")).toString() ==
                QLatin1String("unexpected_values")) {
                QCOMPARE(anomaly.value(QStringLiteral("severity")).toString(),
                         QStringLiteral("error"));
                QCOMPARE(anomaly.value(QStringLiteral("share")).toDouble(), 0.1);
            }
            if (anomaly.value(QStringLiteral("kind")).toString() == QLatin1String("new_column"))
                QCOMPARE(anomaly.value(QStringLiteral("severity")).toString(),
                         QStringLiteral("warning"));
        }

        // A dropped column.
        writeFile(dir.filePath(QStringLiteral("fewer.csv")), "id,age,city\n1,30,Porto\n");
        const auto fewer = runAssay(
            args({"--json", "validate", "fewer.csv", "--schema", "schema.json"}), dir.path());
        QCOMPARE(fewer.exitCode, 0); // income is optional: a warning
        QCOMPARE(kindsOf(parseJson(fewer.out)),
                 QSet<QString>{QStringLiteral("missing_column:income")});
    }

    void suiteResultsInJson()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("credit.csv")), creditCsv());
        QCOMPARE(runAssay(args({"schema", "infer", "credit.csv", "-o", "schema.json"}), dir.path())
                     .exitCode,
                 0);
        writeFile(dir.filePath(QStringLiteral("pass.yaml")),
                  "tests:\n  - column: id\n    unique: true\n    not_null: true\n"
                  "  - column: city\n    in_set: [Braga, Faro, Porto]\n    regex: '[A-Z][a-z]+'\n"
                  "  - column: age\n    between: {min: 20, max: 69}\n  - row_count_between: {min: "
                  "100}\n");
        const auto passed = runAssay(args({"--json", "validate", "credit.csv", "--schema",
                                           "schema.json", "--suite", "pass.yaml"}),
                                     dir.path());
        QCOMPARE(passed.exitCode, 0);
        const QJsonArray tests = parseJson(passed.out).value(QStringLiteral("tests")).toArray();
        QCOMPARE(tests.size(), 6);
        for (const auto &test : tests)
            QVERIFY2(test.toObject().value(QStringLiteral("passed")).toBool(),
                     qPrintable(passed.out));
        QCOMPARE(tests[0].toObject().value(QStringLiteral("check")).toString(),
                 QStringLiteral("unique"));
        QCOMPARE(tests[0].toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("id"));
        QVERIFY(tests[5].toObject().value(QStringLiteral("column")).isNull());

        writeFile(
            dir.filePath(QStringLiteral("fail.yaml")),
            "tests:\n  - column: income\n    not_null: true\n  - column: age\n    unique: true\n");
        const auto failed = runAssay(args({"--json", "validate", "credit.csv", "--schema",
                                           "schema.json", "--suite", "fail.yaml"}),
                                     dir.path());
        QCOMPARE(failed.exitCode, 1);
        const QJsonArray failedTests =
            parseJson(failed.out).value(QStringLiteral("tests")).toArray();
        QCOMPARE(failedTests.size(), 2);
        QCOMPARE(failedTests[0].toObject().value(QStringLiteral("passed")).toBool(), false);
        QCOMPARE(failedTests[0].toObject().value(QStringLiteral("failing_rows")).toInt(), 20);
        QCOMPARE(parseJson(failed.out).value(QStringLiteral("anomalies")).toArray().size(), 0);
    }

    void badInputExitsTwoNamingThePath()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("credit.csv")), creditCsv());
        writeFile(dir.filePath(QStringLiteral("bad.json")),
                  R"({"version": 1, "columns": [{"name": "id", "type": "integer"}]})");
        const auto badSchema =
            runAssay(args({"validate", "credit.csv", "--schema", "bad.json"}), dir.path());
        QCOMPARE(badSchema.exitCode, 2);
        QVERIFY2(badSchema.err.contains(
                     QLatin1String("bad.json: columns[0].type: unknown type 'integer'")),
                 qPrintable(badSchema.err));
        QVERIFY(badSchema.out.isEmpty());

        QCOMPARE(runAssay(args({"schema", "infer", "credit.csv", "-o", "schema.json"}), dir.path())
                     .exitCode,
                 0);
        writeFile(dir.filePath(QStringLiteral("bad.yaml")),
                  "tests:\n  - column: age\n    between: {min: old}\n");
        const auto badSuite = runAssay(args({"--json", "validate", "credit.csv", "--schema",
                                             "schema.json", "--suite", "bad.yaml"}),
                                       dir.path());
        QCOMPARE(badSuite.exitCode, 2);
        QVERIFY2(badSuite.err.contains(QLatin1String("bad.yaml:3:20: tests[0].between.min")),
                 qPrintable(badSuite.err));

        const auto missingData =
            runAssay(args({"validate", "nowhere.csv", "--schema", "schema.json"}), dir.path());
        QCOMPARE(missingData.exitCode, 2);
        QVERIFY(missingData.err.contains(QLatin1String("nowhere.csv")));
        const auto missingSchema =
            runAssay(args({"validate", "credit.csv", "--schema", "none.json"}), dir.path());
        QCOMPARE(missingSchema.exitCode, 2);
        QVERIFY(missingSchema.err.contains(QLatin1String("none.json")));
        QCOMPARE(runAssay(args({"validate", "credit.csv"}), dir.path()).exitCode, 2);
        const auto missingInfer =
            runAssay(args({"schema", "infer", "nowhere.csv", "-o", "s.json"}), dir.path());
        QCOMPARE(missingInfer.exitCode, 2);
        QVERIFY(missingInfer.err.contains(QLatin1String("nowhere.csv")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("s.json"))));
    }

    void validatesATrackedDatasetAtARevision()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        QCOMPARE(runAssay(args({"init", "."}), root).exitCode, 0);
        writeFile(root + QStringLiteral("/data/credit.csv"), creditCsv());
        QCOMPARE(runAssay(args({"data", "add", "data/credit.csv"}), root).exitCode, 0);
        QCOMPARE(runAssay(args({"commit", "-m", "credit"}), root).exitCode, 0);
        QCOMPARE(
            runAssay(args({"schema", "infer", "data/credit.csv@HEAD", "-o", "schema.json"}), root)
                .exitCode,
            0);
        writeFile(root + QStringLiteral("/data/credit.csv"), "id,age\n1,30\n");
        QCOMPARE(
            runAssay(args({"validate", "data/credit.csv@HEAD", "--schema", "schema.json"}), root)
                .exitCode,
            0);
        const auto current = runAssay(
            args({"--json", "validate", "data/credit.csv", "--schema", "schema.json"}), root);
        QCOMPARE(current.exitCode, 1);
        QVERIFY(kindsOf(parseJson(current.out)).contains(QStringLiteral("missing_column:city")));
    }
};

QTEST_GUILESS_MAIN(TestValidateCli)
#include "test_validate_cli.moc"
