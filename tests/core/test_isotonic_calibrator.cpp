// IsotonicCalibrator against scikit-learn's IsotonicRegression(increasing=True,
// out_of_bounds="clip") on seeded data with distinct, tied and nearly tied scores, plus
// hand-worked fits.
#include "common/random.h"
#include "monitor/isotonic_calibrator.h"
#include "support/oracle_json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace assay;
using namespace assay::monitor;

namespace {

struct CalibrationCase {
    const char *name;
    std::vector<double> scores;
    std::vector<double> outcomes;
    std::vector<double> queries;
};

// Queries: below and above the fitted range, every score, and points between them.
std::vector<double> queriesFor(const std::vector<double> &scores, Random &random)
{
    std::vector<double> queries{-1.0, -1e-300, 2.0, 1e300};
    for (double score : scores)
        queries.push_back(score);
    for (int i = 0; i < 200; ++i)
        queries.push_back(random.uniform(-0.1, 1.1));
    return queries;
}

CalibrationCase distinctScores()
{
    Random random(101);
    CalibrationCase data{.name = "distinct scores", .scores = {}, .outcomes = {}, .queries = {}};
    for (int i = 0; i < 600; ++i) {
        const double score = random.uniform();
        data.scores.push_back(score);
        data.outcomes.push_back(random.chance(score * score) ? 1.0 : 0.0);
    }
    data.queries = queriesFor(data.scores, random);
    return data;
}

CalibrationCase tiedScores()
{
    Random random(102);
    CalibrationCase data{.name = "tied scores", .scores = {}, .outcomes = {}, .queries = {}};
    for (int i = 0; i < 800; ++i) {
        const double score = std::round(random.uniform() * 20) / 20; // 21 distinct values
        data.scores.push_back(score);
        data.outcomes.push_back(random.chance(0.2 + 0.6 * score) ? 1.0 : 0.0);
    }
    data.queries = queriesFor(data.scores, random);
    return data;
}

// Scores one or two ulps apart: scikit-learn merges scores closer than 1e-15.
CalibrationCase nearlyTiedScores()
{
    Random random(103);
    CalibrationCase data{.name = "nearly tied scores", .scores = {}, .outcomes = {}, .queries = {}};
    for (int i = 0; i < 300; ++i) {
        double score = std::round(random.uniform() * 10) / 10;
        for (int step = random.integer(0, 2); step > 0; --step)
            score = std::nextafter(score, 2.0);
        data.scores.push_back(score);
        data.outcomes.push_back(random.chance(score) ? 1.0 : 0.0);
    }
    data.queries = queriesFor(data.scores, random);
    return data;
}

// Outcomes that are not 0/1, with long decreasing stretches for the pooling to undo.
CalibrationCase realOutcomes()
{
    Random random(104);
    CalibrationCase data{.name = "real outcomes", .scores = {}, .outcomes = {}, .queries = {}};
    for (int i = 0; i < 500; ++i) {
        const double score = random.normal(0, 3);
        data.scores.push_back(score);
        data.outcomes.push_back(std::sin(score) + 0.3 * score + random.normal(0, 0.5));
    }
    data.queries = queriesFor(data.scores, random);
    for (double &query : data.queries)
        query = query * 20 - 10;
    return data;
}

void compareNumbers(const std::vector<double> &ours, const QJsonValue &theirs, const char *what)
{
    const auto expected = testing::toDoubles(theirs);
    QCOMPARE(ours.size(), expected.size());
    for (std::size_t i = 0; i < ours.size(); ++i)
        if (!(std::abs(ours[i] - expected[i]) <= 1e-12))
            QFAIL(qPrintable(QStringLiteral("%1[%2]: %3 vs sklearn %4")
                                 .arg(QLatin1String(what))
                                 .arg(i)
                                 .arg(ours[i], 0, 'g', 17)
                                 .arg(expected[i], 0, 'g', 17)));
}

} // namespace

class TestIsotonicCalibrator : public QObject {
    Q_OBJECT

    const std::vector<CalibrationCase> m_cases{distinctScores(), tiedScores(), nearlyTiedScores(),
                                               realOutcomes()};
    QJsonArray m_oracle;

private slots:
    void initTestCase()
    {
        QJsonArray cases;
        for (const auto &data : m_cases)
            cases.append(QJsonObject{{QStringLiteral("scores"), testing::toJson(data.scores)},
                                     {QStringLiteral("outcomes"), testing::toJson(data.outcomes)},
                                     {QStringLiteral("queries"), testing::toJson(data.queries)}});
        m_oracle =
            testing::runOracleOn(QJsonDocument(QJsonObject{{QStringLiteral("cases"), cases}}),
                                 QStringLiteral("isotonic_sklearn.py"))
                .array();
        QCOMPARE(std::size_t(m_oracle.size()), m_cases.size());
    }

    void agreesWithSklearn_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < m_cases.size(); ++i)
            QTest::newRow(m_cases[i].name) << int(i);
    }

    void agreesWithSklearn()
    {
        QFETCH(int, index);
        const auto &data = m_cases[std::size_t(index)];
        const auto expected = m_oracle[index].toObject();
        const auto calibrator = IsotonicCalibrator::fit(data.scores, data.outcomes);
        compareNumbers(calibrator.thresholds(), expected[QStringLiteral("x")], "X_thresholds_");
        compareNumbers(calibrator.values(), expected[QStringLiteral("y")], "y_thresholds_");
        std::vector<double> predictions;
        for (double query : data.queries)
            predictions.push_back(calibrator(query));
        compareNumbers(predictions, expected[QStringLiteral("predictions")], "predict");
    }

    void poolsViolatorsAndDropsInteriorPointsOfFlatRuns()
    {
        const std::vector<double> scores{4, 1, 3, 2, 5};
        const std::vector<double> outcomes{1, 0, 0, 0, 0.5};
        // Sorted: 0 0 0 1 0.5 → the last two pool to 0.75; x = 2 lies inside a flat run.
        const auto calibrator = IsotonicCalibrator::fit(scores, outcomes);
        QCOMPARE(calibrator.thresholds(), (std::vector<double>{1, 3, 4, 5}));
        QCOMPARE(calibrator.values(), (std::vector<double>{0, 0, 0.75, 0.75}));
        QCOMPARE(calibrator(3.5), 0.375);
        QCOMPARE(calibrator(0.0), 0.0);
        QCOMPARE(calibrator(9.0), 0.75);
    }

    void averagesEqualScoresFirst()
    {
        const std::vector<double> scores{0.2, 0.2, 0.2, 0.2, 0.8};
        const std::vector<double> outcomes{1, 0, 0, 0, 1};
        const auto calibrator = IsotonicCalibrator::fit(scores, outcomes);
        QCOMPARE(calibrator.thresholds(), (std::vector<double>{0.2, 0.8}));
        QCOMPARE(calibrator.values(), (std::vector<double>{0.25, 1}));
        QCOMPARE(calibrator(0.5), 0.625);
    }

    void skipsMissingScores()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const auto withGaps = IsotonicCalibrator::fit(std::vector<double>{0.1, nan, 0.5, 0.9},
                                                      std::vector<double>{0, 1, 1, 1});
        const auto without = IsotonicCalibrator::fit(std::vector<double>{0.1, 0.5, 0.9},
                                                     std::vector<double>{0, 1, 1});
        QCOMPARE(withGaps.thresholds(), without.thresholds());
        QCOMPARE(withGaps.values(), without.values());
    }

    void emptyAndSinglePointFits()
    {
        const auto none = IsotonicCalibrator::fit({}, {});
        QVERIFY(none.empty());
        QVERIFY(std::isnan(none(0.5)));
        const auto one =
            IsotonicCalibrator::fit(std::vector<double>{0.3, 0.3}, std::vector<double>{1, 0});
        QCOMPARE(one.thresholds().size(), std::size_t(1));
        QCOMPARE(one(-5.0), 0.5);
        QCOMPARE(one(0.3), 0.5);
        QCOMPARE(one(7.0), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestIsotonicCalibrator)
#include "test_isotonic_calibrator.moc"
