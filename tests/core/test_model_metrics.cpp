// Evaluation metrics against sklearn.metrics on seeded data (ties, imbalance, 3–4 classes),
// hand-computed edge cases and bad input.
#include "common/random.h"
#include "model/metrics.h"
#include "support/files.h"
#include "support/python_oracle.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <charconv>
#include <cmath>

using namespace assay;
using namespace assay::model;

namespace {

std::string number(double value)
{
    char buffer[32];
    return {buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr};
}

// y and predictions as the oracle reads them: columns y, p0 .. p{outputs-1}.
std::string csvOf(const std::vector<double> &y, const std::vector<double> &predictions,
                  std::size_t outputs)
{
    std::string csv = "y";
    for (std::size_t o = 0; o < outputs; ++o)
        csv += ",p" + std::to_string(o);
    csv += "\n";
    for (std::size_t row = 0; row < y.size(); ++row) {
        csv += number(y[row]);
        for (std::size_t o = 0; o < outputs; ++o)
            csv += "," + number(predictions[row * outputs + o]);
        csv += "\n";
    }
    return csv;
}

void compareNumbers(const std::vector<double> &ours, const QJsonArray &theirs, const char *what)
{
    QCOMPARE(ours.size(), std::size_t(theirs.size()));
    for (std::size_t i = 0; i < ours.size(); ++i)
        if (std::abs(ours[i] - theirs[int(i)].toDouble()) > 1e-12)
            QFAIL(qPrintable(QStringLiteral("%1[%2]: %3 vs sklearn %4")
                                 .arg(QLatin1String(what))
                                 .arg(i)
                                 .arg(ours[i], 0, 'g', 17)
                                 .arg(theirs[int(i)].toDouble(), 0, 'g', 17)));
}

// One seeded data set the oracle checks.
struct OracleCase {
    const char *name;
    Task task;
    std::size_t classCount;
    std::vector<double> y;
    std::vector<double> predictions;
};

void compareWithSklearn(const OracleCase &data, const QJsonObject &oracle)
{
    const Task task = data.task;
    const std::size_t classCount = data.classCount;
    const auto &y = data.y;
    const auto &predictions = data.predictions;
    const auto evaluation = evaluate(task, classCount, y, predictions);
    QVERIFY2(evaluation.ok(), evaluation.ok() ? "" : evaluation.error().message.c_str());

    const auto expected = oracle[QLatin1String("metrics")].toObject();
    QCOMPARE(evaluation->metrics.size(), std::size_t(expected.size()));
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const auto name = it.key().toStdString();
        const auto found = evaluation->metrics.find(name);
        QVERIFY2(found != evaluation->metrics.end(), name.c_str());
        const double want = it.value().toDouble();
        if (std::abs(found->second - want) > 1e-9 * std::max(1.0, std::abs(want)))
            QFAIL(qPrintable(QStringLiteral("%1: %2 vs sklearn %3")
                                 .arg(it.key())
                                 .arg(found->second, 0, 'g', 17)
                                 .arg(want, 0, 'g', 17)));
    }
    if (task == Task::Regression)
        return;
    const auto confusion = oracle[QLatin1String("confusion")].toArray();
    for (std::size_t t = 0; t < classCount; ++t)
        for (std::size_t p = 0; p < classCount; ++p)
            QCOMPARE(evaluation->confusion[t][p], confusion[int(t)].toArray()[int(p)].toInteger());
    if (task != Task::Binary)
        return;
    const auto roc = oracle[QLatin1String("roc")].toObject();
    compareNumbers(evaluation->roc.x, roc[QLatin1String("x")].toArray(), "roc fpr");
    compareNumbers(evaluation->roc.y, roc[QLatin1String("y")].toArray(), "roc tpr");
    const std::vector<double> rocThresholds(evaluation->roc.thresholds.begin() + 1,
                                            evaluation->roc.thresholds.end());
    compareNumbers(rocThresholds, roc[QLatin1String("thresholds")].toArray(), "roc thresholds");
    QVERIFY(std::isinf(evaluation->roc.thresholds.front()));
    const auto pr = oracle[QLatin1String("pr")].toObject();
    compareNumbers(evaluation->pr.x, pr[QLatin1String("x")].toArray(), "recall");
    compareNumbers(evaluation->pr.y, pr[QLatin1String("y")].toArray(), "precision");
    const std::vector<double> prThresholds(evaluation->pr.thresholds.begin() + 1,
                                           evaluation->pr.thresholds.end());
    compareNumbers(prThresholds, pr[QLatin1String("thresholds")].toArray(), "pr thresholds");
    std::vector<double> observed, meanPredicted;
    for (const auto &bin : evaluation->calibration) {
        observed.push_back(bin.observedFraction);
        meanPredicted.push_back(bin.meanPredicted);
    }
    const auto calibration = oracle[QLatin1String("calibration")].toObject();
    compareNumbers(observed, calibration[QLatin1String("observed")].toArray(),
                   "calibration observed");
    compareNumbers(meanPredicted, calibration[QLatin1String("mean_predicted")].toArray(),
                   "calibration predicted");
}

// Scores that carry signal, rounded to `decimals` so many rows tie.
std::vector<double> binaryScores(const std::vector<double> &y, Random &random, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    std::vector<double> p(y.size());
    for (std::size_t row = 0; row < y.size(); ++row) {
        const double margin = random.normal(y[row] > 0 ? 1.0 : -0.5, 1.2);
        p[row] = std::round(scale / (1 + std::exp(-margin))) / scale;
    }
    return p;
}

std::vector<double> multiclassProbabilities(const std::vector<double> &y, std::size_t k,
                                            Random &random, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    std::vector<double> p(y.size() * k);
    for (std::size_t row = 0; row < y.size(); ++row) {
        double sum = 0;
        for (std::size_t c = 0; c < k; ++c) {
            const double margin = random.normal(c == std::size_t(y[row]) ? 1.0 : 0.0, 1.0);
            p[row * k + c] = std::round(scale * std::exp(margin)) / scale + 1e-3;
            sum += p[row * k + c];
        }
        for (std::size_t c = 0; c < k; ++c)
            p[row * k + c] /= sum;
    }
    return p;
}

std::vector<double> classLabels(std::size_t rows, const std::vector<double> &shares, Random &random)
{
    std::vector<double> y(rows);
    for (auto &label : y)
        label = double(random.pick(shares));
    return y;
}

} // namespace

class TestModelMetrics : public QObject {
    Q_OBJECT

    static std::vector<OracleCase> makeCases()
    {
        std::vector<OracleCase> cases;
        {
            Random random(11);
            auto y = classLabels(600, {0.8, 0.2}, random);
            auto p = binaryScores(y, random, 2);
            cases.push_back({"binary, scores tied", Task::Binary, 2, std::move(y), std::move(p)});
        }
        {
            Random random(12);
            auto y = classLabels(400, {0.95, 0.05}, random);
            auto p = binaryScores(y, random, 1); // every score is a calibration bin edge
            p[0] = 0.5;                          // exactly at the decision threshold
            cases.push_back(
                {"binary, imbalanced, on bin edges", Task::Binary, 2, std::move(y), std::move(p)});
        }
        {
            Random random(13);
            auto y = classLabels(300, {0.5, 0.5}, random);
            auto p = binaryScores(y, random, 12);
            cases.push_back(
                {"binary, distinct scores", Task::Binary, 2, std::move(y), std::move(p)});
        }
        {
            Random random(21);
            auto y = classLabels(500, {0.6, 0.3, 0.1}, random);
            auto p = multiclassProbabilities(y, 3, random, 1);
            cases.push_back(
                {"three classes, tied", Task::Multiclass, 3, std::move(y), std::move(p)});
        }
        {
            Random random(22);
            auto y = classLabels(700, {0.4, 0.3, 0.2, 0.1}, random);
            auto p = multiclassProbabilities(y, 4, random, 3);
            cases.push_back({"four classes", Task::Multiclass, 4, std::move(y), std::move(p)});
        }
        {
            Random random(31);
            std::vector<double> y(400), p(400);
            for (std::size_t row = 0; row < y.size(); ++row) {
                y[row] = row % 50 == 0 ? 0.0 : random.normal(3, 2); // zeros: MAPE's epsilon
                p[row] = y[row] + random.normal(0, 0.5);
            }
            cases.push_back({"regression", Task::Regression, 0, std::move(y), std::move(p)});
        }
        return cases;
    }

    const std::vector<OracleCase> m_cases = makeCases();
    QTemporaryDir m_dir;
    QJsonArray m_oracle;

private slots:
    void initTestCase()
    {
        QStringList arguments;
        for (std::size_t i = 0; i < m_cases.size(); ++i) {
            const auto &data = m_cases[i];
            const auto path = testing::pathOf(m_dir) / ("case" + std::to_string(i) + ".csv");
            const std::size_t outputs = data.task == Task::Multiclass ? data.classCount : 1;
            testing::writeFile(path, csvOf(data.y, data.predictions, outputs));
            arguments << QString::fromUtf8(taskName(data.task)) << QString::number(data.classCount)
                      << QString::fromStdString(path.string());
        }
        m_oracle =
            testing::runPythonOracle(QStringLiteral("sklearn_metrics.py"), arguments).array();
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
        compareWithSklearn(m_cases[std::size_t(index)], m_oracle[index].toObject());
    }

    void neverPredictedClassScoresZero()
    {
        // Nothing is predicted positive: precision of class 1 is 0/0, which counts as 0.
        const std::vector<double> y{0, 1, 0, 1};
        const std::vector<double> p{0.1, 0.2, 0.3, 0.4};
        const auto evaluation = evaluate(Task::Binary, 2, y, p);
        QVERIFY(evaluation.ok());
        QCOMPARE(evaluation->metrics.at("precision"), 0.0);
        QCOMPARE(evaluation->metrics.at("recall"), 0.0);
        QCOMPARE(evaluation->metrics.at("f1"), 0.0);
        QCOMPARE(evaluation->metrics.at("accuracy"), 0.5);
        QCOMPARE(evaluation->metrics.at("roc_auc"), 0.75); // 3 of 4 pairs ranked right
        QCOMPARE(evaluation->confusion, (std::vector<std::vector<std::int64_t>>{{2, 0}, {2, 0}}));
    }

    void singleClassLeavesOutRankingMetrics()
    {
        const std::vector<double> y{1, 1, 1};
        const std::vector<double> p{0.9, 0.2, 0.6};
        const auto evaluation = evaluate(Task::Binary, 2, y, p);
        QVERIFY(evaluation.ok());
        QVERIFY(!evaluation->metrics.contains("roc_auc"));
        QVERIFY(!evaluation->metrics.contains("pr_auc"));
        QVERIFY(evaluation->roc.x.empty());
        QCOMPARE(evaluation->metrics.at("recall"), 2.0 / 3.0);
    }

    void perfectConstantRegressionHasR2One()
    {
        const std::vector<double> y{2, 2, 2};
        auto evaluation = evaluate(Task::Regression, 0, y, y);
        QVERIFY(evaluation.ok());
        QCOMPARE(evaluation->metrics.at("r2"), 1.0);
        const std::vector<double> off{2, 2, 3};
        evaluation = evaluate(Task::Regression, 0, y, off);
        QCOMPARE(evaluation->metrics.at("r2"), 0.0);
    }

    void badInputIsRejected()
    {
        const std::vector<double> y{0, 1, 2};
        const std::vector<double> p{0.1, 0.2};
        QCOMPARE(evaluate(Task::Binary, 2, y, p).error().kind, ErrorKind::InvalidInput);
        const std::vector<double> p3{0.1, 0.2, 0.3};
        const auto outOfRange = evaluate(Task::Binary, 2, y, p3);
        QVERIFY(!outOfRange.ok());
        QVERIFY(outOfRange.error().message.find("row 3") != std::string::npos);
        const std::vector<double> nanPrediction{0.1, std::nan(""), 0.3};
        const std::vector<double> y01{0, 1, 1};
        QVERIFY(evaluate(Task::Binary, 2, y01, nanPrediction).error().message.find("row 2") !=
                std::string::npos);
        QCOMPARE(evaluate(Task::Regression, 0, {}, {}).error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestModelMetrics)
#include "test_model_metrics.moc"
