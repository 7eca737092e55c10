// Permutation importance: every repeat's drop equals sklearn's metric on the same model function
// and the same permuted rows (the permutation recomputed here as documented: Fisher–Yates on
// assay::Random(deriveSeed(seed, feature, repeat))); an unused feature scores exactly 0 and the
// one the model reads most scores highest; results are seeded; an unknown metric is named.
#include "common/random.h"
#include "explain/column_shuffle.h"
#include "explain/permutation_importance.h"
#include "explain/seed_mix.h"
#include "support/files.h"
#include "support/function_predictor.h"
#include "support/oracle_json.h"
#include "support/python_oracle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <utility>

using namespace assay;
using namespace assay::explain;
using namespace assay::model;
using assay::testing::FunctionPredictor;
using assay::testing::linearPredictor;
using assay::testing::MisshapenPredictor;
using assay::testing::runOracleOn;
using assay::testing::toDoubles;
using assay::testing::toJson;

namespace {

constexpr std::size_t kRows = 200;
constexpr std::size_t kColumns = 4;
constexpr std::size_t kRepeats = 3;
constexpr std::uint64_t kSeed = 42;

struct Dataset {
    FeatureMatrix x;
    std::vector<double> y;
    std::vector<double> label;
};

// y and label depend strongly on f0, mildly on f1, a little on f2, not on f3.
Dataset makeDataset(std::uint64_t seed)
{
    Dataset data;
    for (std::size_t c = 0; c < kColumns; ++c)
        data.x.features.push_back(
            {.name = "f" + std::to_string(c), .kind = FeatureKind::Numeric, .categories = {}});
    data.x.rows = kRows;
    Random random(seed);
    for (std::size_t r = 0; r < kRows; ++r) {
        double row[kColumns];
        for (double &v : row)
            v = random.normal(0, 1);
        data.x.values.insert(data.x.values.end(), row, row + kColumns);
        const double signal = 3 * row[0] + row[1] + 0.3 * row[2];
        data.y.push_back(signal + random.normal(0, 0.5));
        data.label.push_back(signal + random.normal(0, 1) > 0 ? 1 : 0);
    }
    return data;
}

// The documented shuffle, written out independently of column_shuffle.cpp.
std::vector<std::size_t> documentedPermutation(std::size_t feature, std::size_t repeat)
{
    std::vector<std::size_t> order(kRows);
    for (std::size_t i = 0; i < kRows; ++i)
        order[i] = i;
    Random random(deriveSeed(kSeed, feature, repeat));
    for (std::size_t i = kRows - 1; i > 0; --i) {
        const auto j = static_cast<std::size_t>(random.uniform() * double(i + 1));
        std::swap(order[i], order[j]);
    }
    return order;
}

QJsonDocument referenceDrops(const Dataset &data)
{
    QJsonArray permutations;
    for (std::size_t f = 0; f < kColumns; ++f) {
        QJsonArray repeats;
        for (std::size_t r = 0; r < kRepeats; ++r) {
            QJsonArray order;
            for (std::size_t i : documentedPermutation(f, r))
                order.append(qint64(i));
            repeats.append(order);
        }
        permutations.append(repeats);
    }
    const QJsonObject input{
        {QStringLiteral("columns"), int(kColumns)},
        {QStringLiteral("x"), toJson(data.x.values)},
        {QStringLiteral("y"), toJson(data.y)},
        {QStringLiteral("label"), toJson(data.label)},
        {QStringLiteral("permutations"), permutations},
        {QStringLiteral("regression_metrics"),
         QJsonArray{QStringLiteral("r2"), QStringLiteral("rmse"), QStringLiteral("mae")}},
        {QStringLiteral("binary_metrics"),
         QJsonArray{QStringLiteral("accuracy"), QStringLiteral("log_loss"),
                    QStringLiteral("roc_auc")}}};
    return runOracleOn(QJsonDocument(input), QStringLiteral("permutation_drops.py"));
}

} // namespace

class TestPermutationImportance : public QObject {
    Q_OBJECT

private slots:
    void shuffleIsTheDocumentedFisherYates()
    {
        for (std::size_t f = 0; f < kColumns; ++f)
            for (std::size_t r = 0; r < kRepeats; ++r)
                QCOMPARE(shuffledRowOrder(kRows, kSeed, f, r), documentedPermutation(f, r));
        QVERIFY(shuffledRowOrder(kRows, kSeed, 0, 0) != shuffledRowOrder(kRows, kSeed, 0, 1));
        QVERIFY(shuffledRowOrder(kRows, kSeed, 0, 0) != shuffledRowOrder(kRows, kSeed, 1, 0));
    }

    void dropsEqualSklearnMetricsOnTheSamePermutations()
    {
        const Dataset data = makeDataset(3);
        const QJsonDocument reference = referenceDrops(data);
        QVERIFY(reference.isObject());
        struct Case {
            const char *model;
            Task task;
            const std::vector<double> &y;
            std::vector<const char *> metrics;
        };
        const Case cases[] = {
            {"linear", Task::Regression, data.y, {"r2", "rmse", "mae"}},
            {"logistic", Task::Binary, data.label, {"accuracy", "log_loss", "roc_auc"}}};
        for (const Case &c : cases) {
            const QJsonObject fitted = reference[QLatin1String(c.model)].toObject();
            FunctionPredictor predictor = linearPredictor(
                toDoubles(fitted[QStringLiteral("coef")]),
                fitted[QStringLiteral("intercept")].toDouble(), c.task == Task::Binary);
            for (const char *metric : c.metrics) {
                const PermutationOptions options{
                    .repeats = kRepeats, .metric = metric, .seed = kSeed};
                auto result = permutationImportance(predictor, c.task, 2, data.x, c.y, options);
                QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
                QCOMPARE(result->metric, std::string(metric));
                const double baseline =
                    fitted[QStringLiteral("baseline")][QLatin1String(metric)].toDouble();
                QVERIFY(std::abs(result->baseline - baseline) < 1e-10);
                const QJsonArray drops =
                    fitted[QStringLiteral("drops")][QLatin1String(metric)].toArray();
                QCOMPARE(result->features.size(), kColumns);
                for (std::size_t f = 0; f < kColumns; ++f) {
                    const auto expected = toDoubles(drops[int(f)]);
                    const FeatureImportance &ours = result->features[f];
                    QCOMPARE(ours.feature, f);
                    QCOMPARE(ours.drops.size(), kRepeats);
                    for (std::size_t r = 0; r < kRepeats; ++r)
                        QVERIFY2(std::abs(ours.drops[r] - expected[r]) < 1e-10,
                                 qPrintable(QStringLiteral("%1 %2 f%3 repeat %4: ours %5, "
                                                           "sklearn %6")
                                                .arg(QLatin1String(c.model), QLatin1String(metric))
                                                .arg(f)
                                                .arg(r)
                                                .arg(ours.drops[r], 0, 'g', 17)
                                                .arg(expected[r], 0, 'g', 17)));
                    double mean = 0, squares = 0;
                    for (double d : expected)
                        mean += d / kRepeats;
                    for (double d : expected)
                        squares += (d - mean) * (d - mean);
                    QVERIFY(std::abs(ours.mean - mean) < 1e-10);
                    QVERIFY(std::abs(ours.std - std::sqrt(squares / kRepeats)) < 1e-10);
                }
            }
        }
    }

    void unusedFeatureScoresZeroAndTheMainOneHighest()
    {
        const Dataset data = makeDataset(4);
        FunctionPredictor predictor(1, [](std::span<const double> row, std::span<double> out) {
            out[0] = 3 * row[0] + row[1] + 0.3 * row[2];
        });
        const PermutationOptions options{.repeats = 5, .metric = {}, .seed = 9};
        auto result =
            permutationImportance(predictor, Task::Regression, 0, data.x, data.y, options);
        QVERIFY(result.ok());
        QCOMPARE(result->metric, std::string("r2"));
        QVERIFY(result->baseline > 0.9);
        QCOMPARE(result->features[3].mean, 0.0);
        QCOMPARE(result->features[3].std, 0.0);
        QVERIFY(result->features[0].mean > 1.0);
        QVERIFY(result->features[0].mean > 5 * result->features[1].mean);
        QVERIFY(result->features[1].mean > result->features[2].mean);
        QVERIFY(result->features[2].mean > 0);
        // The baseline, then every repeat of one feature in a single batch.
        QCOMPARE(predictor.calls, 1 + kColumns);
        QCOMPARE(predictor.largestBatch, 5 * kRows);
    }

    void seededResultsRepeat()
    {
        const Dataset data = makeDataset(5);
        FunctionPredictor predictor = linearPredictor({1, 2, 0, 0.5}, 0, true);
        PermutationOptions options{.repeats = 4, .metric = "log_loss", .seed = 1};
        auto first = permutationImportance(predictor, Task::Binary, 2, data.x, data.label, options);
        auto second =
            permutationImportance(predictor, Task::Binary, 2, data.x, data.label, options);
        options.seed = 2;
        auto other = permutationImportance(predictor, Task::Binary, 2, data.x, data.label, options);
        QVERIFY(first.ok() && second.ok() && other.ok());
        QCOMPARE(first->features[1].drops, second->features[1].drops);
        QVERIFY(first->features[1].drops != other->features[1].drops);
        QVERIFY(first->features[1].mean > 0); // a loss's rise counts as a positive drop
    }

    void unknownMetricIsNamed()
    {
        const Dataset data = makeDataset(6);
        FunctionPredictor predictor = linearPredictor({1, 0, 0, 0}, 0, false);
        for (const char *metric : {"accuracy_score", "log_loss"}) {
            const PermutationOptions options{.repeats = 2, .metric = metric, .seed = 0};
            auto result =
                permutationImportance(predictor, Task::Regression, 0, data.x, data.y, options);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
            QVERIFY2(result.error().message.find("'" + std::string(metric) + "'") !=
                         std::string::npos,
                     result.error().message.c_str());
        }
    }

    void wrongPredictionShapeIsTheUsersError()
    {
        const Dataset data = makeDataset(9);
        FunctionPredictor linear = linearPredictor({1, 0, 0, 0}, 0, false);
        for (const std::size_t call : {std::size_t(1), std::size_t(2)}) {
            MisshapenPredictor misshapen(linear, call, MisshapenPredictor::Fault::OtherOutputs);
            auto result = permutationImportance(misshapen, Task::Regression, 0, data.x, data.y, {});
            QVERIFY(!result.ok());
            QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
        }
    }

    void cancellationStops()
    {
        const Dataset data = makeDataset(7);
        FunctionPredictor predictor = linearPredictor({1, 0, 0, 0}, 0, false);
        CancellationToken token;
        token.cancel();
        auto result = permutationImportance(predictor, Task::Regression, 0, data.x, data.y, {},
                                            Progress({}, token));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestPermutationImportance)
#include "test_permutation_importance.moc"
