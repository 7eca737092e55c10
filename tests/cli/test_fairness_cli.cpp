// `assay fairness` through the real binary: every number against pandas groupby on the same
// predictions (`assay predict`), the CI gate's exit codes, and bad input.
#include "support/cli_runner.h"
#include "support/credit_rows.h"
#include "support/python_oracle.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using assay::testing::args;
using assay::testing::parseJson;
using assay::testing::runAssay;

namespace {

// Seeded credit-like rows: default depends on debt and region; every 23rd region is missing.
QByteArray creditCsv(int rows)
{
    QByteArray csv = "income,debt,region,tier,default,amount\n";
    assay::testing::CreditRows generator(77);
    for (int i = 0; i < rows; ++i) {
        const auto row = generator.next();
        csv += QByteArray::number(row.income, 'f', 3) + "," + QByteArray::number(row.debt, 'f', 4) + "," +
               (i % 23 == 0 ? "" : assay::testing::CreditRows::regionName(row.region)) + "," +
               QByteArray::number(i % 3) + "," + (row.risk > 0.2 ? "yes" : "no") + "," +
               QByteArray::number(row.income * 10 + 50 * row.debt, 'f', 3) + "\n";
    }
    return csv;
}

bool sameRate(const QJsonValue &ours, const QJsonValue &theirs)
{
    if (theirs.isNull())
        return ours.isNull();
    return ours.isDouble() && std::abs(ours.toDouble() - theirs.toDouble()) < 1e-12;
}

} // namespace

class TestFairnessCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_classifier;
    QString m_regressor;

    assay::testing::CliOutcome assay(const QStringList &arguments)
    {
        return runAssay(QStringList{QStringLiteral("--workspace"), m_root} + arguments, m_root);
    }

    QString train(const QStringList &arguments)
    {
        const auto trained =
            assay(args({"train", "--data", "credit.csv", "--seed", "1", "--json"}) + arguments);
        if (trained.exitCode != 0)
            qWarning("%s", qPrintable(trained.err));
        return parseJson(trained.out).value(QStringLiteral("run_id")).toString();
    }

    // Checks `assay fairness --json` against the pandas oracle on the same predictions.
    void compareWithOracle(const QString &positive, const QString &threshold, const QString &flip)
    {
        const auto predicted =
            assay(QStringList{QStringLiteral("predict"), QStringLiteral("--model"), m_classifier,
                              QStringLiteral("--data"), QStringLiteral("credit.csv"),
                              QStringLiteral("--out"), QStringLiteral("predictions.csv")});
        QVERIFY2(predicted.exitCode == 0, qPrintable(predicted.err));
        const auto measured = assay(QStringList{
            QStringLiteral("fairness"), QStringLiteral("--model"), m_classifier,
            QStringLiteral("--data"), QStringLiteral("credit.csv"), QStringLiteral("--target"),
            QStringLiteral("default"), QStringLiteral("--sensitive"), QStringLiteral("region"),
            QStringLiteral("--positive"), positive, QStringLiteral("--threshold"), threshold,
            QStringLiteral("--json")});
        QVERIFY2(measured.exitCode == 0, qPrintable(measured.err));
        const QJsonObject ours = parseJson(measured.out);
        QCOMPARE(ours.value(QStringLiteral("positive_label")).toString(), positive);
        QCOMPARE(ours.value(QStringLiteral("threshold")).toDouble(), threshold.toDouble());

        const QJsonObject oracle =
            assay::testing::runPythonOracle(QStringLiteral("fairness_pandas.py"),
                                            {m_root + QStringLiteral("/credit.csv"),
                                             m_root + QStringLiteral("/predictions.csv"),
                                             QStringLiteral("default"), QStringLiteral("region"),
                                             positive, threshold, flip})
                .object();
        const QJsonObject expectedGroups = oracle.value(QStringLiteral("groups")).toObject();
        const QJsonArray groups = ours.value(QStringLiteral("groups")).toArray();
        QCOMPARE(groups.size(), 4); // east, north, south, (missing)
        QCOMPARE(groups.last().toObject().value(QStringLiteral("group")).toString(),
                 QStringLiteral("(missing)"));
        for (const auto &value : groups) {
            const QJsonObject group = value.toObject();
            const QJsonObject expected =
                expectedGroups.value(group.value(QStringLiteral("group")).toString()).toObject();
            QVERIFY(!expected.isEmpty());
            QCOMPARE(group.value(QStringLiteral("count")).toInt(),
                     expected.value(QStringLiteral("count")).toInt());
            for (const char *key :
                 {"selection_rate", "true_positive_rate", "false_positive_rate", "accuracy"})
                QVERIFY2(
                    sameRate(group.value(QLatin1String(key)), expected.value(QLatin1String(key))),
                    key);
        }
        const QJsonObject overall = ours.value(QStringLiteral("overall")).toObject();
        QCOMPARE(overall.value(QStringLiteral("count")).toInt(), 600);
        for (const char *key :
             {"selection_rate", "true_positive_rate", "false_positive_rate", "accuracy"})
            QVERIFY2(
                sameRate(
                    overall.value(QLatin1String(key)),
                    oracle.value(QStringLiteral("overall")).toObject().value(QLatin1String(key))),
                key);
        for (const char *key : {"demographic_parity_difference", "demographic_parity_ratio",
                                "equalized_odds_difference", "true_positive_rate_difference",
                                "false_positive_rate_difference"})
            QVERIFY2(sameRate(ours.value(QLatin1String(key)), oracle.value(QLatin1String(key))),
                     key);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI")));
        m_root = m_dir.filePath(QStringLiteral("ws"));
        const auto init = runAssay({QStringLiteral("init"), m_root});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QVERIFY(assay::testing::writeBytes(m_root + QStringLiteral("/credit.csv"), creditCsv(600)));
        m_classifier = train(args({"--target", "default", "--model", "logreg"}));
        QCOMPARE(m_classifier.size(), 32);
        m_regressor = train(args({"--target", "amount", "--model", "linreg"}));
        QCOMPARE(m_regressor.size(), 32);
    }

    void agreesWithPandasOnThePositiveClass()
    {
        compareWithOracle(QStringLiteral("yes"), QStringLiteral("0.5"), QStringLiteral("0"));
    }

    void agreesWithPandasOnTheOtherClassAndThreshold()
    {
        compareWithOracle(QStringLiteral("no"), QStringLiteral("0.3"), QStringLiteral("1"));
    }

    void readableTable()
    {
        const auto shown =
            assay(QStringList{QStringLiteral("fairness"), QStringLiteral("--model"), m_classifier} +
                  args({"--data", "credit.csv", "--target", "default", "--sensitive", "region"}));
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        for (const char *text :
             {"GROUP", "SELECTION", "TPR", "FPR", "ACCURACY", "north", "(missing)", "(overall)",
              "demographic parity difference", "equalized odds difference"})
            QVERIFY2(shown.out.contains(QLatin1String(text)), text);
    }

    void gateExitsOneWhenAMaximumIsExceeded()
    {
        const QStringList base =
            QStringList{QStringLiteral("fairness"), QStringLiteral("--model"), m_classifier} +
            args({"--data", "credit.csv", "--target", "default", "--sensitive", "region"});
        const auto strict = assay(base + args({"--max-parity-difference", "0.01", "--json"}));
        QCOMPARE(strict.exitCode, 1);
        QVERIFY2(strict.err.contains(QLatin1String("demographic parity difference")), qPrintable(strict.err));
        const QJsonObject report = parseJson(strict.out);
        QVERIFY(report.value(QStringLiteral("demographic_parity_difference")).toDouble() > 0.01);
        QCOMPARE(report.value(QStringLiteral("passed")).toBool(), false);
        QCOMPARE(report.value(QStringLiteral("checks")).toArray().size(), 1);

        const auto lenient = assay(
            base + args({"--max-parity-difference", "1", "--max-equalized-odds-difference", "1"}));
        QCOMPARE(lenient.exitCode, 0);
        QVERIFY(lenient.out.contains(QLatin1String("ok      equalized odds difference")));

        const auto odds = assay(base + args({"--max-equalized-odds-difference", "0"}));
        QCOMPARE(odds.exitCode, 1);
        QVERIFY(odds.out.contains(QLatin1String("FAILED  equalized odds difference")));
    }

    void badInputExitsTwo()
    {
        const QStringList model{QStringLiteral("fairness"), QStringLiteral("--model"),
                                m_classifier};
        auto outcome = assay(
            model + args({"--data", "credit.csv", "--target", "default", "--sensitive", "gender"}));
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(QLatin1String("'gender'")), qPrintable(outcome.err));

        outcome = assay(
            model + args({"--data", "credit.csv", "--target", "tier", "--sensitive", "region"}));
        QCOMPARE(outcome.exitCode, 2); // three classes, none of them the model's
        QVERIFY(outcome.err.startsWith(QLatin1String("assay: ")));

        outcome = assay(model + args({"--data", "credit.csv", "--target", "default", "--sensitive",
                                      "region", "--positive", "maybe"}));
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(QLatin1String("'maybe'")), qPrintable(outcome.err));

        outcome = assay(model + args({"--data", "credit.csv", "--target", "default", "--sensitive",
                                      "region", "--threshold", "1.5"}));
        QCOMPARE(outcome.exitCode, 2);

        outcome =
            assay(QStringList{QStringLiteral("fairness"), QStringLiteral("--model"), m_regressor} +
                  args({"--data", "credit.csv", "--target", "amount", "--sensitive", "region"}));
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(QLatin1String("binary classifier")), qPrintable(outcome.err));

        outcome = assay(args({"fairness", "--model", "nosuchmodel:1", "--data", "credit.csv",
                              "--target", "default", "--sensitive", "region"}));
        QCOMPARE(outcome.exitCode, 2);

        outcome = assay(args({"fairness", "--data", "credit.csv"}));
        QCOMPARE(outcome.exitCode, 2);
    }

    void helpHasAnExample()
    {
        const auto help = runAssay(args({"help", "fairness"}));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("example:")));
        QVERIFY(help.out.contains(QLatin1String("--max-parity-difference")));
    }
};

QTEST_GUILESS_MAIN(TestFairnessCli)
#include "test_fairness_cli.moc"
