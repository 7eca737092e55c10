// computeFairness: every per-group rate, the differences and the ratio, by hand on a small case
// and against pandas groupby on seeded random data; NaN rates and the missing group.
#include "govern/fairness.h"
#include "support/python_oracle.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>

using assay::govern::computeFairness;
using assay::govern::FairnessReport;
using assay::govern::GroupMetrics;

namespace {

const GroupMetrics *findGroup(const FairnessReport &report, const std::string &name)
{
    for (const auto &group : report.groups)
        if (group.group == name)
            return &group;
    return nullptr;
}

// Compares a rate with the oracle's value (null meaning NaN).
bool sameRate(double ours, const QJsonValue &theirs)
{
    if (theirs.isNull())
        return std::isnan(ours);
    return std::abs(ours - theirs.toDouble()) < 1e-12;
}

} // namespace

class TestFairness : public QObject {
    Q_OBJECT

private slots:
    void handComputedGroups()
    {
        // a: y 1 1 0 0, ŷ 1 0 1 0; b: y 1 0 0 0, ŷ 1 0 0 0; c: y 0 0, ŷ 1 1 (no positives).
        const std::vector<int> truth{1, 1, 0, 0, 1, 0, 0, 0, 0, 0};
        const std::vector<int> predicted{1, 0, 1, 0, 1, 0, 0, 0, 1, 1};
        const std::vector<std::string> groups{"a", "a", "a", "a", "b", "b", "b", "b", "c", "c"};
        auto report = computeFairness(truth, predicted, groups);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QCOMPARE(report->groups.size(), std::size_t(3));
        QCOMPARE(report->groups[0].group, std::string("a"));

        const GroupMetrics &a = report->groups[0];
        QCOMPARE(a.count, std::int64_t(4));
        QCOMPARE(a.selectionRate, 0.5);
        QCOMPARE(a.truePositiveRate, 0.5);
        QCOMPARE(a.falsePositiveRate, 0.5);
        QCOMPARE(a.accuracy, 0.5);
        const GroupMetrics &b = report->groups[1];
        QCOMPARE(b.selectionRate, 0.25);
        QCOMPARE(b.truePositiveRate, 1.0);
        QCOMPARE(b.falsePositiveRate, 0.0);
        QCOMPARE(b.accuracy, 1.0);
        const GroupMetrics &c = report->groups[2];
        QCOMPARE(c.selectionRate, 1.0);
        QVERIFY(std::isnan(c.truePositiveRate)); // no positives
        QCOMPARE(c.falsePositiveRate, 1.0);
        QCOMPARE(c.accuracy, 0.0);

        QCOMPARE(report->overall.count, std::int64_t(10));
        QCOMPARE(report->overall.selectionRate, 0.5);
        QCOMPARE(report->overall.truePositiveRate, 2.0 / 3.0);
        QCOMPARE(report->overall.falsePositiveRate, 3.0 / 7.0);
        QCOMPARE(report->overall.accuracy, 0.6);

        QCOMPARE(report->demographicParityDifference, 0.75);
        QCOMPARE(report->demographicParityRatio, 0.25);
        // c's undefined TPR is left out: 1 − 0.5, not 1 − 0 as a zero would give.
        QCOMPARE(report->truePositiveRateDifference, 0.5);
        QCOMPARE(report->falsePositiveRateDifference, 1.0);
        QCOMPARE(report->equalizedOddsDifference, 1.0);
    }

    void equalizedOddsIsTheLargerDifference()
    {
        // TPR: g 1/2, h 1/1 → 0.5; FPR: g 0/1, h 0/2 → 0.
        auto report =
            computeFairness({1, 1, 0, 1, 0, 0}, {1, 0, 0, 1, 0, 0}, {"g", "g", "g", "h", "h", "h"});
        QVERIFY(report.ok());
        QCOMPARE(report->truePositiveRateDifference, 0.5);
        QCOMPARE(report->falsePositiveRateDifference, 0.0);
        QCOMPARE(report->equalizedOddsDifference, 0.5);
    }

    void undefinedEverywhereIsNaN()
    {
        // No positives anywhere: every TPR is NaN, so is its difference; equalized odds falls
        // back to the FPR difference. No group selected: the ratio 0/0 is NaN.
        auto report = computeFairness({0, 0, 0, 0}, {0, 0, 0, 0}, {"x", "x", "y", "y"});
        QVERIFY(report.ok());
        QVERIFY(std::isnan(report->truePositiveRateDifference));
        QCOMPARE(report->falsePositiveRateDifference, 0.0);
        QCOMPARE(report->equalizedOddsDifference, 0.0);
        QCOMPARE(report->demographicParityDifference, 0.0);
        QVERIFY(std::isnan(report->demographicParityRatio));
    }

    void groupsInValueOrderMissingLast()
    {
        auto report =
            computeFairness({0, 1, 0, 1, 0}, {0, 1, 1, 1, 0}, {"10", "(missing)", "2", "10", "-1"});
        QVERIFY(report.ok());
        std::vector<std::string> order;
        for (const auto &group : report->groups)
            order.push_back(group.group);
        QCOMPARE(order, (std::vector<std::string>{"-1", "2", "10", "(missing)"}));
        QCOMPARE(findGroup(*report, "10")->count, std::int64_t(2));
    }

    void badInputIsRefused()
    {
        QCOMPARE(computeFairness({}, {}, {}).error().kind, assay::ErrorKind::InvalidInput);
        QCOMPARE(computeFairness({1, 0}, {1}, {"a", "b"}).error().kind,
                 assay::ErrorKind::InvalidInput);
        const auto notBinary = computeFairness({2, 0}, {1, 0}, {"a", "b"});
        QCOMPARE(notBinary.error().kind, assay::ErrorKind::InvalidInput);
        QVERIFY(notBinary.error().message.find("row 0") != std::string::npos);
    }

    void agreesWithPandasGroupby()
    {
        // Seeded random labels, predictions and five groups (one small group without positives,
        // some missing values), written as the oracle reads them.
        QTemporaryDir dir;
        const std::string data = dir.filePath(QStringLiteral("data.csv")).toStdString();
        const std::string predictions =
            dir.filePath(QStringLiteral("predictions.csv")).toStdString();
        std::ofstream dataFile(data);
        std::ofstream predictionFile(predictions);
        dataFile << "y,group\n";
        predictionFile << "prediction\n";
        std::vector<int> truth;
        std::vector<int> predicted;
        std::vector<std::string> groups;
        std::uint64_t state = 99;
        const auto uniform = [&state] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return static_cast<double>(state >> 11) * 0x1.0p-53;
        };
        const char *names[] = {"alpha", "beta", "gamma", "delta"};
        for (int row = 0; row < 2000; ++row) {
            std::string group =
                row % 97 == 0 ? std::string() : names[static_cast<int>(uniform() * 4)];
            if (row % 211 == 5)
                group = "tiny";
            const int y =
                group == "tiny" ? 0 : (uniform() < 0.35 + 0.1 * (group == "beta") ? 1 : 0);
            const int yHat = uniform() < (y ? 0.7 : 0.2) + 0.1 * (group == "gamma") ? 1 : 0;
            truth.push_back(y);
            predicted.push_back(yHat);
            groups.push_back(group.empty() ? "(missing)" : group);
            dataFile << y << "," << group << "\n";
            predictionFile << yHat << ".0\n";
        }
        dataFile.close();
        predictionFile.close();

        auto report = computeFairness(truth, predicted, groups);
        QVERIFY(report.ok());
        QVERIFY(std::isnan(findGroup(*report, "tiny")->truePositiveRate));
        QVERIFY(findGroup(*report, "(missing)") != nullptr);

        const QJsonObject oracle =
            assay::testing::runPythonOracle(
                QStringLiteral("fairness_pandas.py"),
                {QString::fromStdString(data), QString::fromStdString(predictions),
                 QStringLiteral("y"), QStringLiteral("group"), QStringLiteral("1"),
                 QStringLiteral("0.5"), QStringLiteral("0")})
                .object();
        const QJsonObject expectedGroups = oracle.value(QStringLiteral("groups")).toObject();
        QCOMPARE(static_cast<std::size_t>(expectedGroups.size()), report->groups.size());
        for (const auto &group : report->groups) {
            const QJsonObject expected =
                expectedGroups.value(QString::fromStdString(group.group)).toObject();
            QVERIFY2(!expected.isEmpty(), group.group.c_str());
            QCOMPARE(group.count,
                     static_cast<std::int64_t>(expected.value(QStringLiteral("count")).toInt()));
            QVERIFY(
                sameRate(group.selectionRate, expected.value(QStringLiteral("selection_rate"))));
            QVERIFY(sameRate(group.truePositiveRate,
                             expected.value(QStringLiteral("true_positive_rate"))));
            QVERIFY(sameRate(group.falsePositiveRate,
                             expected.value(QStringLiteral("false_positive_rate"))));
            QVERIFY(sameRate(group.accuracy, expected.value(QStringLiteral("accuracy"))));
        }
        const QJsonObject overall = oracle.value(QStringLiteral("overall")).toObject();
        QVERIFY(sameRate(report->overall.truePositiveRate,
                         overall.value(QStringLiteral("true_positive_rate"))));
        QVERIFY(sameRate(report->overall.accuracy, overall.value(QStringLiteral("accuracy"))));
        QVERIFY(sameRate(report->demographicParityDifference,
                         oracle.value(QStringLiteral("demographic_parity_difference"))));
        QVERIFY(sameRate(report->demographicParityRatio,
                         oracle.value(QStringLiteral("demographic_parity_ratio"))));
        QVERIFY(sameRate(report->truePositiveRateDifference,
                         oracle.value(QStringLiteral("true_positive_rate_difference"))));
        QVERIFY(sameRate(report->falsePositiveRateDifference,
                         oracle.value(QStringLiteral("false_positive_rate_difference"))));
        QVERIFY(sameRate(report->equalizedOddsDifference,
                         oracle.value(QStringLiteral("equalized_odds_difference"))));
    }
};

QTEST_GUILESS_MAIN(TestFairness)
#include "test_fairness.moc"
