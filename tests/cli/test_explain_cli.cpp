// `assay explain` through the real binary on a model trained by `assay train`: the SHAP CSV's
// columns and additivity, the --json summary's schema and order, the workspace cache (a second
// run reads the same document back), the document attached to the run, the other methods'
// output, and bad input (exit 2 with a message naming what is wrong).
#include "support/cli_runner.h"
#include "support/credit_rows.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using assay::testing::args;
using assay::testing::parseJson;
using assay::testing::runAssay;

namespace {

// A seeded table: "default" depends on debt and region; "note" is no feature of the model.
QByteArray creditCsv(int rows)
{
    QByteArray csv = "income,debt,region,note,default\n";
    assay::testing::CreditRows generator(20260701);
    for (int i = 0; i < rows; ++i) {
        const auto row = generator.next();
        csv += (i % 13 == 0 ? QByteArray() : QByteArray::number(row.income, 'f', 3)) + "," +
               QByteArray::number(row.debt, 'f', 4) + "," +
               assay::testing::CreditRows::regionName(row.region) + ",x," + (row.risk > 0.2 ? "yes" : "no") +
               "\n";
    }
    return csv;
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestExplainCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_root;
    QString m_run;

    assay::testing::CliOutcome assay(const QStringList &arguments)
    {
        return runAssay(QStringList{QStringLiteral("--workspace"), m_root} + arguments, m_root);
    }

    QStringList shapArgs(std::initializer_list<const char *> extra)
    {
        return QStringList{QStringLiteral("explain"), QStringLiteral("shap"),
                           QStringLiteral("--model"), m_run,
                           QStringLiteral("--data"),  QStringLiteral("credit.csv")} +
               args(extra);
    }

    QString explainArtifactMd5(const QString &key)
    {
        const auto shown = assay(
            {QStringLiteral("runs"), QStringLiteral("show"), m_run, QStringLiteral("--json")});
        for (const auto &artifact :
             parseJson(shown.out).value(QStringLiteral("artifacts")).toArray())
            if (artifact.toObject().value(QStringLiteral("path")).toString() ==
                QStringLiteral("explain/shap-") + key.left(8) + QStringLiteral(".json"))
                return artifact.toObject().value(QStringLiteral("md5")).toString();
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI")));
        m_root = m_dir.filePath(QStringLiteral("ws"));
        const auto init = runAssay({QStringLiteral("init"), m_root});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(assay::testing::writeBytes(m_root + QStringLiteral("/credit.csv"), creditCsv(600)));
        const auto trained =
            assay(args({"train", "--data", "credit.csv", "--target", "default", "--exclude", "note",
                        "--model", "gbt", "--param", "n_estimators=30", "--param", "max_depth=3",
                        "--seed", "5", "--json"}));
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        m_run = parseJson(trained.out).value(QStringLiteral("run_id")).toString();
        QCOMPARE(m_run.size(), 32);
    }

    void shapCsvHasTheModelsFeaturesThenBias()
    {
        const QString out = m_dir.filePath(QStringLiteral("shap.csv"));
        const auto explained =
            assay(shapArgs({"--rows", "10:60", "--threads", "2", "--no-cache", "--out"}) << out);
        QVERIFY2(explained.exitCode == 0, qPrintable(explained.err));
        const QStringList lines = readLines(out);
        QCOMPARE(lines.size(), 51);
        QCOMPARE(lines[0], QStringLiteral("income,debt,region,bias"));
        // Contributions plus bias are the margin: its sigmoid is predict's probability.
        const QString predictions = m_dir.filePath(QStringLiteral("p.csv"));
        const auto predicted = assay(QStringList{
            QStringLiteral("predict"), QStringLiteral("--model"), m_run, QStringLiteral("--data"),
            QStringLiteral("credit.csv"), QStringLiteral("--out"), predictions});
        QVERIFY2(predicted.exitCode == 0, qPrintable(predicted.err));
        const QStringList probabilities = readLines(predictions);
        for (int row = 0; row < 50; ++row) {
            double margin = 0;
            for (const QString &value : lines[row + 1].split(QLatin1Char(',')))
                margin += value.toDouble();
            const double probability = probabilities[row + 11].toDouble();
            QVERIFY2(std::abs(1 / (1 + std::exp(-margin)) - probability) < 1e-5,
                     qPrintable(QStringLiteral("row %1").arg(row + 10)));
        }
    }

    void jsonSummaryIsSortedAndCachedOnTheRun()
    {
        const auto first = assay(shapArgs({"--rows", "0:200", "--json"}));
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject summary = parseJson(first.out);
        QCOMPARE(summary.value(QStringLiteral("rows")).toInt(), 200);
        QVERIFY(summary.value(QStringLiteral("bias")).isDouble());
        QCOMPARE(summary.value(QStringLiteral("cached")).toBool(), false);
        const QJsonArray features = summary.value(QStringLiteral("features")).toArray();
        QCOMPARE(features.size(), 3);
        QStringList names;
        for (int i = 0; i < features.size(); ++i) {
            names << features[i].toObject().value(QStringLiteral("name")).toString();
            if (i > 0)
                QVERIFY(features[i - 1].toObject().value(QStringLiteral("mean_abs")).toDouble() >=
                        features[i].toObject().value(QStringLiteral("mean_abs")).toDouble());
        }
        names.sort();
        QCOMPARE(names, args({"debt", "income", "region"}));
        QCOMPARE(features[0].toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("debt"));

        const QString key = summary.value(QStringLiteral("key")).toString();
        const QString md5 = explainArtifactMd5(key);
        QVERIFY2(!md5.isEmpty(), "the explanation is attached to the run");

        const auto second = assay(shapArgs({"--rows", "0:200", "--json"}));
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QVERIFY2(second.err.contains(QStringLiteral("cached")), qPrintable(second.err));
        const QJsonObject again = parseJson(second.out);
        QCOMPARE(again.value(QStringLiteral("cached")).toBool(), true);
        QCOMPARE(again.value(QStringLiteral("features")),
                 summary.value(QStringLiteral("features")));
        QCOMPARE(explainArtifactMd5(key), md5);

        const auto recomputed = assay(shapArgs({"--rows", "0:200", "--json", "--no-cache"}));
        QVERIFY2(recomputed.exitCode == 0, qPrintable(recomputed.err));
        QVERIFY(!recomputed.err.contains(QStringLiteral("cached")));
        QCOMPARE(parseJson(recomputed.out).value(QStringLiteral("cached")).toBool(), false);
    }

    void interactionsOutIsLongAndSumsToTheMargin()
    {
        const QString values = m_dir.filePath(QStringLiteral("values.csv"));
        const QString pairs = m_dir.filePath(QStringLiteral("pairs.csv"));
        QCOMPARE(assay(shapArgs({"--rows", "0:20", "--out"}) << values).exitCode, 0);
        const auto explained =
            assay(shapArgs({"--rows", "0:20", "--interactions", "--json", "--out"}) << pairs);
        QVERIFY2(explained.exitCode == 0, qPrintable(explained.err));
        QCOMPARE(parseJson(explained.out).value(QStringLiteral("interactions")).toArray().size(),
                 3);
        const QStringList lines = readLines(pairs);
        QCOMPARE(lines[0], QStringLiteral("row,output,feature_a,feature_b,value"));
        QCOMPARE(lines.size(), 1 + 20 * (3 * 3 + 1));
        const QStringList contributions = readLines(values);
        for (int row = 0; row < 20; ++row) {
            double interactionSum = 0;
            for (int i = 0; i < 10; ++i)
                interactionSum += lines[1 + row * 10 + i].section(QLatin1Char(','), 4).toDouble();
            double shapSum = 0;
            for (const QString &value : contributions[row + 1].split(QLatin1Char(',')))
                shapSum += value.toDouble();
            QVERIFY2(std::abs(interactionSum - shapSum) < 1e-4,
                     qPrintable(QStringLiteral("row %1").arg(row)));
        }
    }

    void backgroundGivesInterventionalValues()
    {
        const auto explained =
            assay(shapArgs({"--rows", "0:20", "--background", "50", "--seed", "3", "--json"}));
        QVERIFY2(explained.exitCode == 0, qPrintable(explained.err));
        const QJsonObject params =
            parseJson(explained.out).value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("background")).toInt(), 50);
        QCOMPARE(parseJson(explained.out).value(QStringLiteral("rows")).toInt(), 20);
    }

    void otherMethodsExplainTheSameModel()
    {
        const auto permutation = assay(QStringList{
            QStringLiteral("explain"), QStringLiteral("permutation"), QStringLiteral("--model"),
            m_run, QStringLiteral("--data"), QStringLiteral("credit.csv"),
            QStringLiteral("--repeats"), QStringLiteral("3"), QStringLiteral("--json")});
        QVERIFY2(permutation.exitCode == 0, qPrintable(permutation.err));
        const QJsonObject importance = parseJson(permutation.out);
        QCOMPARE(importance.value(QStringLiteral("metric")).toString(), QStringLiteral("accuracy"));
        QCOMPARE(importance.value(QStringLiteral("features"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("debt"));

        const QString out = m_dir.filePath(QStringLiteral("pdp.csv"));
        const auto pdp = assay(QStringList{
            QStringLiteral("explain"), QStringLiteral("pdp"), QStringLiteral("--model"), m_run,
            QStringLiteral("--data"), QStringLiteral("credit.csv"), QStringLiteral("--features"),
            QStringLiteral("region,debt"), QStringLiteral("--grid-resolution"), QStringLiteral("5"),
            QStringLiteral("--out"), out, QStringLiteral("--json")});
        QVERIFY2(pdp.exitCode == 0, qPrintable(pdp.err));
        const QJsonArray curves = parseJson(pdp.out).value(QStringLiteral("curves")).toArray();
        QCOMPARE(curves.size(), 2);
        QCOMPARE(
            curves[0].toObject().value(QStringLiteral("grid")).toArray(),
            (QJsonArray{QStringLiteral("east"), QStringLiteral("north"), QStringLiteral("south")}));
        QCOMPARE(readLines(out).size(), 1 + 3 + 5);

        const auto lime = assay(QStringList{
            QStringLiteral("explain"), QStringLiteral("lime"), QStringLiteral("--model"), m_run,
            QStringLiteral("--data"), QStringLiteral("credit.csv"), QStringLiteral("--rows"),
            QStringLiteral("0:2"), QStringLiteral("--json")});
        QVERIFY2(lime.exitCode == 0, qPrintable(lime.err));
        const QJsonArray explanations =
            parseJson(lime.out).value(QStringLiteral("explanations")).toArray();
        QCOMPARE(explanations.size(), 2);
        QVERIFY(!explanations[0].toObject().value(QStringLiteral("terms")).toArray().isEmpty());
    }

    void badInputExitsTwo_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("message");
        QTest::newRow("rows out of range") << args({"--rows", "0:5000"}) << "credit.csv"
                                           << "has 600 rows";
        QTest::newRow("rows malformed") << args({"--rows", "ten"}) << "credit.csv"
                                        << "expected FIRST:LAST";
        QTest::newRow("rows reversed") << args({"--rows", "50:10"}) << "credit.csv"
                                       << "out of range";
        QTest::newRow("interactions with background")
            << args({"--interactions", "--background", "50"}) << "credit.csv"
            << "--background";
        QTest::newRow("unknown option") << args({"--magic"}) << "credit.csv"
                                        << "--magic";
        QTest::newRow("missing feature") << QStringList() << "lacking.csv"
                                         << "debt";
    }

    void badInputExitsTwo()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, data);
        QFETCH(QString, message);
        QVERIFY(assay::testing::writeBytes(m_root + QStringLiteral("/lacking.csv"),
                                           "income,region\n1,north\n"));
        const auto failed =
            assay(QStringList{QStringLiteral("explain"), QStringLiteral("shap"),
                              QStringLiteral("--model"), m_run, QStringLiteral("--data"), data} +
                  extra);
        QCOMPARE(failed.exitCode, 2);
        QVERIFY2(failed.err.contains(message), qPrintable(failed.err));
        QVERIFY(failed.out.isEmpty());
    }

    void predictCommandExplainsAModelAssayCannotLoad()
    {
        // A linear score of debt and income: KernelSHAP gives debt the largest share.
        QVERIFY(assay::testing::writeBytes(
            m_root + QStringLiteral("/score.sh"),
            "awk -F, 'NR > 1 { print 3 * $2 - 0.01 * ($1 == \"\" ? 50 : $1) }'\n"));
        const auto kernel =
            assay(args({"explain", "kernel", "--predict-cmd", "sh score.sh", "--data", "credit.csv",
                        "--target", "default", "--exclude", "note", "--rows", "0:4", "--json"}));
        QVERIFY2(kernel.exitCode == 0, qPrintable(kernel.err));
        const QJsonObject summary = parseJson(kernel.out);
        QCOMPARE(summary.value(QStringLiteral("rows")).toInt(), 4);
        QCOMPARE(summary.value(QStringLiteral("features")).toArray().size(), 3);
        QCOMPARE(summary.value(QStringLiteral("features"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("debt"));
    }

    void failingOrLyingPredictCommandExitsTwo_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("message");
        QTest::newRow("crashes") << "echo 'model file missing' >&2; exit 3"
                                 << "model file missing";
        QTest::newRow("too few lines") << "echo 0.5"
                                       << "printed 1 lines";
        QTest::newRow("not a number") << "awk 'NR > 1 { print \"high\" }'"
                                      << "high";
    }

    void failingOrLyingPredictCommandExitsTwo()
    {
        QFETCH(QString, command);
        QFETCH(QString, message);
        const auto failed = assay(QStringList{
            QStringLiteral("explain"), QStringLiteral("kernel"), QStringLiteral("--predict-cmd"),
            command, QStringLiteral("--data"), QStringLiteral("credit.csv"),
            QStringLiteral("--target"), QStringLiteral("default"), QStringLiteral("--rows"),
            QStringLiteral("0:2")});
        QCOMPARE(failed.exitCode, 2);
        QVERIFY2(failed.err.contains(message), qPrintable(failed.err));
    }

    void shapRefusesALinearModel()
    {
        const auto trained = assay(args({"train", "--data", "credit.csv", "--target", "default",
                                         "--exclude", "note", "--model", "logreg", "--json"}));
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const QString run = parseJson(trained.out).value(QStringLiteral("run_id")).toString();
        const auto failed = assay(QStringList{
            QStringLiteral("explain"), QStringLiteral("shap"), QStringLiteral("--model"), run,
            QStringLiteral("--data"), QStringLiteral("credit.csv")});
        QCOMPARE(failed.exitCode, 2);
        QVERIFY2(failed.err.contains(QStringLiteral("explain kernel")), qPrintable(failed.err));
    }

    void helpExplainsEachMethodWithAnExample()
    {
        const auto help = runAssay(args({"help", "explain"}));
        QCOMPARE(help.exitCode, 0);
        for (const char *method : {"shap", "kernel", "lime", "permutation", "pdp"})
            QVERIFY2(
                help.out.contains(QStringLiteral("assay explain ") + QString::fromLatin1(method)),
                method);
        const auto shapHelp = runAssay(args({"help", "explain", "shap"}));
        QCOMPARE(shapHelp.exitCode, 0);
        QVERIFY(shapHelp.out.contains(QStringLiteral("--interactions")));
        QVERIFY(shapHelp.out.contains(QStringLiteral("feature@class")));
    }
};

QTEST_GUILESS_MAIN(TestExplainCli)
#include "test_explain_cli.moc"
