// `assay privacy budget|release|ledger` through the real binary: refusal without a budget and
// past it (exit 1, nothing recorded), seeded determinism, the ledger, bad input (exit 2).
#include "support/cli_runner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using assay::testing::args;
using assay::testing::parseJson;
using assay::testing::runAssay;

class TestPrivacyCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

    assay::testing::CliOutcome assay(const QStringList &arguments)
    {
        return runAssay(QStringList{QStringLiteral("--workspace"), m_root} + arguments, m_root);
    }

    int ledgerSize()
    {
        const auto ledger = assay(args({"privacy", "ledger", "people.csv", "--json"}));
        return ledger.exitCode == 0
                   ? parseJson(ledger.out).value(QStringLiteral("releases")).toArray().size()
                   : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("ASSAY_CLI")));
        m_root = m_dir.filePath(QStringLiteral("ws"));
        const auto init = runAssay({QStringLiteral("init"), m_root});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QByteArray csv = "age,city\n";
        for (int row = 0; row < 300; ++row)
            csv += QByteArray::number(18 + row % 70) + "," + (row % 3 ? "oslo" : "rome") + "\n";
        QVERIFY(assay::testing::writeBytes(m_root + QStringLiteral("/people.csv"), csv));
    }

    void releaseWithoutABudgetIsRefused()
    {
        const auto refused = assay(
            args({"privacy", "release", "people.csv", "--stat", "count", "--epsilon", "0.1"}));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("assay privacy budget people.csv --epsilon")),
                 qPrintable(refused.err));
        const auto shown = assay(args({"privacy", "budget", "people.csv", "--json"}));
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(parseJson(shown.out).value(QStringLiteral("set")).toBool(), false);
        QCOMPARE(ledgerSize(), 0);
    }

    void setBudgetThenSpendIt()
    {
        const auto set = assay(args(
            {"privacy", "budget", "people.csv", "--epsilon", "1", "--delta", "1e-6", "--json"}));
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        const QJsonObject budget = parseJson(set.out);
        QCOMPARE(budget.value(QStringLiteral("epsilon")).toDouble(), 1.0);
        QCOMPARE(budget.value(QStringLiteral("delta")).toDouble(), 1e-6);

        const QStringList seeded = args({"privacy", "release", "people.csv", "--stat", "count",
                                         "--epsilon", "0.4", "--seed", "7", "--json"});
        const auto first = assay(seeded);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject firstJson = parseJson(first.out);
        const double value = firstJson.value(QStringLiteral("values")).toArray().first().toDouble();
        QVERIFY2(std::abs(value - 300) < 60, qPrintable(QString::number(value))); // b = 2.5
        QCOMPARE(firstJson.value(QStringLiteral("seeded")).toBool(), true);
        QCOMPARE(firstJson.value(QStringLiteral("budget"))
                     .toObject()
                     .value(QStringLiteral("spent_epsilon"))
                     .toDouble(),
                 0.4);

        const auto second = assay(seeded);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(parseJson(second.out).value(QStringLiteral("values")).toArray().first().toDouble(),
                 value);

        const auto past = assay(seeded);
        QCOMPARE(past.exitCode, 1);
        QVERIFY2(past.err.contains(QLatin1String("budget")), qPrintable(past.err));
        QVERIFY(past.out.isEmpty());
        QCOMPARE(ledgerSize(), 2);
    }

    void ledgerListsReleasesAndWhatIsLeft()
    {
        const auto ledger = assay(args({"privacy", "ledger", "people.csv", "--json"}));
        QCOMPARE(ledger.exitCode, 0);
        const QJsonObject json = parseJson(ledger.out);
        const QJsonArray releases = json.value(QStringLiteral("releases")).toArray();
        QCOMPARE(releases.size(), 2);
        const QJsonObject first = releases.first().toObject();
        QCOMPARE(first.value(QStringLiteral("statistic")).toString(), QStringLiteral("count"));
        QCOMPARE(first.value(QStringLiteral("mechanism")).toString(), QStringLiteral("laplace"));
        QCOMPARE(first.value(QStringLiteral("epsilon")).toDouble(), 0.4);
        QCOMPARE(first.value(QStringLiteral("sensitivity")).toDouble(), 1.0);
        QCOMPARE(first.value(QStringLiteral("data_md5")).toString().size(), 32);
        const QJsonObject budget = json.value(QStringLiteral("budget")).toObject();
        QVERIFY(std::abs(budget.value(QStringLiteral("remaining_epsilon")).toDouble() - 0.2) <
                1e-12);

        const auto text = assay(args({"privacy", "ledger", "people.csv"}));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QLatin1String("EPSILON")));
        QVERIFY(text.out.contains(QLatin1String("spent epsilon 0.8 of 1")));
    }

    void histogramAndGaussianMean()
    {
        const auto histogram = assay(args(
            {"privacy", "release", "people.csv", "--stat", "histogram", "--column", "age", "--bins",
             "7", "--lower", "18", "--upper", "88", "--epsilon", "0.05", "--seed", "1", "--json"}));
        QVERIFY2(histogram.exitCode == 0, qPrintable(histogram.err));
        const QJsonObject json = parseJson(histogram.out);
        QCOMPARE(json.value(QStringLiteral("values")).toArray().size(), 7);
        QCOMPARE(json.value(QStringLiteral("bin_edges")).toArray().size(), 8);

        const auto mean =
            assay(args({"privacy", "release", "people.csv", "--stat", "mean", "--column", "age",
                        "--lower", "0", "--upper", "100", "--epsilon", "0.1", "--mechanism",
                        "gaussian", "--delta", "1e-7"}));
        QVERIFY2(mean.exitCode == 0, qPrintable(mean.err));
        QVERIFY(mean.out.contains(QLatin1String("mean of 'age' clamped to [0, 100]")));
        QVERIFY(mean.out.contains(QLatin1String("gaussian noise")));
    }

    void badInputExitsTwo()
    {
        const QStringList release = args({"privacy", "release", "people.csv"});
        struct Case {
            QStringList arguments;
            const char *mentions;
        };
        const Case cases[] = {
            {args({"--stat", "mean", "--column", "salary", "--lower", "0", "--upper", "1",
                   "--epsilon", "0.01"}),
             "'salary'"},
            {args({"--stat", "count", "--epsilon", "0"}), "epsilon 0"},
            {args({"--stat", "count", "--epsilon", "-0.5"}), "epsilon"},
            {args({"--stat", "mean", "--column", "age", "--lower", "5", "--upper", "5", "--epsilon",
                   "0.01"}),
             "lower bound"},
            {args({"--stat", "histogram", "--column", "city", "--lower", "0", "--upper", "1",
                   "--epsilon", "0.01"}),
             "not numeric"},
            {args({"--stat", "count", "--epsilon", "1.5", "--mechanism", "gaussian", "--delta",
                   "1e-6"}),
             "epsilon < 1"},
            {args({"--stat", "median", "--epsilon", "0.01"}), "median"},
            {args({"--stat", "count", "--epsilon", "abc"}), "--epsilon"},
        };
        for (const auto &badCase : cases) {
            const auto outcome = assay(release + badCase.arguments);
            QVERIFY2(outcome.exitCode == 2,
                     qPrintable(badCase.arguments.join(u' ') + QStringLiteral(": ") + outcome.err));
            QVERIFY2(outcome.err.contains(QLatin1String(badCase.mentions)),
                     qPrintable(outcome.err));
        }
        QCOMPARE(assay(args({"privacy", "budget", "people.csv", "--epsilon", "0"})).exitCode, 2);
        QCOMPARE(assay(args({"privacy", "budget", "people.csv", "--delta", "0.1"})).exitCode, 2);
        QCOMPARE(assay(args({"privacy", "ledger"})).exitCode, 2);
        QCOMPARE(assay(args({"privacy"})).exitCode, 2);
        QCOMPARE(ledgerSize(), 4); // none of them was recorded
    }

    void helpExplainsEachSubcommand()
    {
        for (const char *name : {"budget", "release", "ledger"}) {
            const auto help = runAssay(args({"help", "privacy", name}));
            QCOMPARE(help.exitCode, 0);
            QVERIFY(help.out.contains(QLatin1String("example:")));
        }
        QVERIFY(runAssay(args({"help", "privacy", "release"}))
                    .out.contains(QLatin1String("sensitivit")));
    }
};

QTEST_GUILESS_MAIN(TestPrivacyCli)
#include "test_privacy_cli.moc"
