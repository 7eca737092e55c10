// Realized performance against sklearn.metrics; estimated performance (CBPE) against the
// realized one on simulated calibrated classifiers, with and without concept shift; and
// hand-worked expected confusion matrices and expected ROC AUC.
#include "common/random.h"
#include "monitor/binary_performance.h"
#include "monitor/isotonic_calibrator.h"
#include "support/oracle_json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <functional>

using namespace assay;
using namespace assay::monitor;

namespace {

struct LabelledCase {
    const char *name;
    std::vector<double> scores;
    std::vector<std::uint8_t> labels;
    double threshold;
};

LabelledCase labelledCase(const char *name, std::uint64_t seed, int rows, double positiveShare,
                          double grid, double threshold)
{
    Random random(seed);
    LabelledCase data{.name = name, .scores = {}, .labels = {}, .threshold = threshold};
    for (int i = 0; i < rows; ++i) {
        const bool positive = random.chance(positiveShare);
        double score = std::clamp(random.normal(positive ? 0.62 : 0.42, 0.18), 0.0, 1.0);
        if (grid > 0)
            score = std::round(score / grid) * grid;
        data.scores.push_back(score);
        data.labels.push_back(positive ? 1 : 0);
    }
    return data;
}

// Beta(a, b) for whole a and b: the a-th smallest of a + b − 1 uniforms.
double beta(Random &random, int a, int b)
{
    std::vector<double> uniforms(std::size_t(a + b - 1));
    for (double &u : uniforms)
        u = random.uniform();
    std::nth_element(uniforms.begin(), uniforms.begin() + (a - 1), uniforms.end());
    return uniforms[std::size_t(a - 1)];
}

// A classifier whose true probability of a positive is p: it outputs score(p); the label is
// drawn from Bernoulli(p), or, for rows where `flipped` says so, from Bernoulli(1 − p).
struct Simulated {
    std::vector<double> probabilities;
    std::vector<double> scores;
    std::vector<std::uint8_t> labels;
};

Simulated simulate(std::uint64_t seed, int rows, int a, int b,
                   const std::function<double(double)> &score, double flippedShare = 0)
{
    Random random(seed);
    Simulated data;
    for (int i = 0; i < rows; ++i) {
        const double p = beta(random, a, b);
        const bool flipped = random.chance(flippedShare);
        data.probabilities.push_back(p);
        data.scores.push_back(score(p));
        data.labels.push_back(random.chance(flipped ? 1 - p : p) ? 1 : 0);
    }
    return data;
}

double identity(double p)
{
    return p;
}
double cubed(double p)
{
    return p * p * p;
} // monotone but far from calibrated

// Calibrates `scores` with an isotonic fit on a reference set drawn like the clean analysis data.
std::vector<double> calibrate(const Simulated &reference, const std::vector<double> &scores)
{
    std::vector<double> outcomes(reference.labels.begin(), reference.labels.end());
    const auto calibrator = IsotonicCalibrator::fit(reference.scores, outcomes);
    std::vector<double> calibrated;
    for (double score : scores)
        calibrated.push_back(calibrator(score));
    return calibrated;
}

void verifyClose(const BinaryPerformance &estimated, const BinaryPerformance &realized,
                 double tolerance)
{
    QVERIFY(estimated.accuracy && realized.accuracy && estimated.f1 && realized.f1 &&
            estimated.rocAuc && realized.rocAuc);
    QVERIFY2(
        std::abs(*estimated.accuracy - *realized.accuracy) < tolerance,
        qPrintable(
            QStringLiteral("accuracy %1 vs %2").arg(*estimated.accuracy).arg(*realized.accuracy)));
    QVERIFY2(std::abs(*estimated.f1 - *realized.f1) < tolerance,
             qPrintable(QStringLiteral("f1 %1 vs %2").arg(*estimated.f1).arg(*realized.f1)));
    QVERIFY2(std::abs(*estimated.rocAuc - *realized.rocAuc) < tolerance,
             qPrintable(
                 QStringLiteral("roc auc %1 vs %2").arg(*estimated.rocAuc).arg(*realized.rocAuc)));
}

} // namespace

class TestBinaryPerformance : public QObject {
    Q_OBJECT

    const std::vector<LabelledCase> m_cases{
        labelledCase("distinct scores", 201, 700, 0.4, 0, 0.5),
        labelledCase("tied scores", 202, 900, 0.3, 0.05, 0.5),
        labelledCase("heavy ties, low threshold", 203, 500, 0.5, 0.25, 0.25),
        labelledCase("imbalanced", 204, 2000, 0.04, 0.01, 0.6),
    };
    QJsonArray m_oracle;

private slots:
    void initTestCase()
    {
        QJsonArray cases;
        for (const auto &data : m_cases) {
            QJsonArray labels;
            for (auto label : data.labels)
                labels.append(int(label));
            cases.append(QJsonObject{{QStringLiteral("scores"), testing::toJson(data.scores)},
                                     {QStringLiteral("labels"), labels},
                                     {QStringLiteral("threshold"), data.threshold}});
        }
        m_oracle =
            testing::runOracleOn(QJsonDocument(QJsonObject{{QStringLiteral("cases"), cases}}),
                                 QStringLiteral("binary_performance_sklearn.py"))
                .array();
        QCOMPARE(std::size_t(m_oracle.size()), m_cases.size());
    }

    void realizedAgreesWithSklearn_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < m_cases.size(); ++i)
            QTest::newRow(m_cases[i].name) << int(i);
    }

    void realizedAgreesWithSklearn()
    {
        QFETCH(int, index);
        const auto &data = m_cases[std::size_t(index)];
        const auto expected = m_oracle[index].toObject();
        const auto ours = realizedPerformance(data.scores, data.labels, data.threshold);
        QCOMPARE(ours.rows, data.scores.size());
        for (const auto &[name, value] :
             {std::pair{"accuracy", ours.accuracy}, std::pair{"precision", ours.precision},
              std::pair{"recall", ours.recall}, std::pair{"f1", ours.f1},
              std::pair{"roc_auc", ours.rocAuc}}) {
            QVERIFY2(value.has_value(), name);
            const double theirs = expected[QLatin1String(name)].toDouble();
            QVERIFY2(std::abs(*value - theirs) <= 1e-12,
                     qPrintable(QStringLiteral("%1: %2 vs sklearn %3")
                                    .arg(QLatin1String(name))
                                    .arg(*value, 0, 'g', 17)
                                    .arg(theirs, 0, 'g', 17)));
        }
    }

    void realizedLeavesUndefinedMetricsEmpty()
    {
        const std::vector<double> scores{0.1, 0.2, 0.3};
        const auto onlyPositives =
            realizedPerformance(scores, std::vector<std::uint8_t>{1, 1, 1}, 0.5);
        QCOMPARE(onlyPositives.accuracy, std::optional(0.0));
        QVERIFY(!onlyPositives.precision); // nothing predicted positive
        QCOMPARE(onlyPositives.recall, std::optional(0.0));
        QCOMPARE(onlyPositives.f1, std::optional(0.0));
        QVERIFY(!onlyPositives.rocAuc); // one class
        const auto onlyNegatives =
            realizedPerformance(scores, std::vector<std::uint8_t>{0, 0, 0}, 0.5);
        QVERIFY(!onlyNegatives.recall);
        QVERIFY(!onlyNegatives.f1); // no positive at all, none predicted: 0/0
        QVERIFY(!onlyNegatives.rocAuc);
        const auto nothing = realizedPerformance({}, {}, 0.5);
        QCOMPARE(nothing.rows, std::uint64_t(0));
        QVERIFY(!nothing.accuracy);
    }

    void realizedAucSharesTiedRanks()
    {
        // Positive/negative pairs: (0.5, 0.5) tie = ½, the other three ranked right: 3.5 / 4.
        const auto performance = realizedPerformance(std::vector<double>{0.5, 0.5, 0.2, 0.8},
                                                     std::vector<std::uint8_t>{1, 0, 0, 1}, 0.5);
        QCOMPARE(*performance.rocAuc, 0.875);
    }

    void expectedConfusionMatrixByHand()
    {
        const std::vector<double> scores{0.9, 0.6, 0.4, 0.1};
        const std::vector<double> calibrated{0.8, 0.5, 0.3, 0.2};
        // ŷ = 1 for the first two: TP = 1.3, FP = 0.7; FN = 0.5, TN = 1.5.
        const auto estimated = estimatedPerformance(scores, calibrated, 0.5);
        QCOMPARE(estimated.rows, std::uint64_t(4));
        QVERIFY(std::abs(*estimated.accuracy - 2.8 / 4) < 1e-15);
        QVERIFY(std::abs(*estimated.precision - 1.3 / 2.0) < 1e-15);
        QVERIFY(std::abs(*estimated.recall - 1.3 / 1.8) < 1e-15);
        QVERIFY(std::abs(*estimated.f1 - 2.6 / 3.8) < 1e-15);
        // Expected AUC: Σ over i ranked above j of p_i(1 − p_j), plus each row's own
        // p(1 − p)/2 (its trapezoid step), over Σp · Σ(1 − p): (2.59 + 0.39) / (1.8 · 2.2).
        QVERIFY(std::abs(*estimated.rocAuc - 2.98 / 3.96) < 1e-15);
    }

    void expectedAucWithTiedScoresByHand()
    {
        // Two rows share the top score: one trapezoid step with Σp = 1.5, Σ(1 − p) = 0.5, then
        // the last row adds 0.9 false positives on top of 1.6 true positives.
        const auto estimated = estimatedPerformance(std::vector<double>{0.7, 0.7, 0.2},
                                                    std::vector<double>{0.9, 0.6, 0.1}, 0.5);
        const double area = 0.5 * 1.5 / 2 + 0.9 * (1.5 + 1.6) / 2;
        QVERIFY(std::abs(*estimated.rocAuc - area / (1.6 * 1.4)) < 1e-15);
    }

    void estimateWithCertainLabelsIsTheRealizedValue()
    {
        const auto &data = m_cases[1];
        const std::vector<double> certain(data.labels.begin(), data.labels.end());
        const auto estimated = estimatedPerformance(data.scores, certain, data.threshold);
        const auto realized = realizedPerformance(data.scores, data.labels, data.threshold);
        QCOMPARE(*estimated.accuracy, *realized.accuracy);
        QCOMPARE(*estimated.f1, *realized.f1);
        QVERIFY(std::abs(*estimated.rocAuc - *realized.rocAuc) < 1e-12);
    }

    void estimateTracksRealizedWithoutConceptShift()
    {
        // Calibrated scores, and the same probabilities shifted towards positives (covariate
        // shift: the estimate should follow it).
        for (const auto &[a, b] : {std::pair{2, 3}, std::pair{3, 2}}) {
            const auto data = simulate(301 + std::uint64_t(a), 20000, a, b, identity);
            verifyClose(estimatedPerformance(data.scores, data.probabilities, 0.5),
                        realizedPerformance(data.scores, data.labels, 0.5), 0.02);
        }
    }

    void estimateTracksRealizedAfterIsotonicCalibration()
    {
        const auto reference = simulate(311, 20000, 2, 3, cubed);
        for (const auto &[a, b] : {std::pair{2, 3}, std::pair{3, 2}}) {
            const auto data = simulate(312 + std::uint64_t(a), 20000, a, b, cubed);
            const auto calibrated = calibrate(reference, data.scores);
            verifyClose(estimatedPerformance(data.scores, calibrated, 0.2),
                        realizedPerformance(data.scores, data.labels, 0.2), 0.02);
        }
    }

    void estimateMissesUnderConceptShift()
    {
        // The relation between features and labels changes: for 40% of the rows the label
        // follows 1 − p. Scores and their calibration are as before, so the estimate cannot
        // see it and stays where it was while the realized figures fall.
        const auto reference = simulate(321, 20000, 2, 3, cubed);
        const auto shifted = simulate(322, 20000, 2, 3, cubed, 0.4);
        const auto estimated =
            estimatedPerformance(shifted.scores, calibrate(reference, shifted.scores), 0.2);
        const auto realized = realizedPerformance(shifted.scores, shifted.labels, 0.2);
        QVERIFY2(
            *estimated.rocAuc - *realized.rocAuc > 0.1,
            qPrintable(
                QStringLiteral("roc auc %1 vs %2").arg(*estimated.rocAuc).arg(*realized.rocAuc)));
        QVERIFY2(*estimated.accuracy - *realized.accuracy > 0.05,
                 qPrintable(QStringLiteral("accuracy %1 vs %2")
                                .arg(*estimated.accuracy)
                                .arg(*realized.accuracy)));
    }
};

QTEST_GUILESS_MAIN(TestBinaryPerformance)
#include "test_binary_performance.moc"
