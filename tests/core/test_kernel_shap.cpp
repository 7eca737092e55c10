// KernelSHAP: the closed form on a linear model, exact Shapley values of the background game
// with a full budget, additivity on every row, one set per class, seeded determinism, bounded
// predictor batches, and its errors.
#include "explain/background.h"
#include "explain/kernel_shap.h"
#include "support/explain_models.h"
#include "support/function_predictor.h"

#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

using namespace assay;
using namespace assay::model;
using namespace assay::explain;

namespace {

ShapValues kernelShapOk(Predictor &predictor, const Background &background, const FeatureMatrix &x,
                        KernelShapOptions options = {})
{
    auto shap = kernelShap(predictor, background, x, options);
    if (!shap)
        qFatal("%s", shap.error().message.c_str());
    return std::move(*shap);
}

Background summarized(const FeatureMatrix &data, std::size_t clusters)
{
    auto background = summarizeBackground(data, clusters, 7);
    if (!background)
        qFatal("%s", background.error().message.c_str());
    return std::move(*background);
}

// The value of coalition `mask` (bit f: feature f known) for `row`: the background-weighted mean
// prediction with the unknown features taken from the background rows.
std::vector<double> coalitionValue(Predictor &predictor, const Background &background,
                                   std::span<const double> row, std::uint32_t mask)
{
    FeatureMatrix rows = background.rows;
    for (std::size_t b = 0; b < rows.rows; ++b)
        for (std::size_t f = 0; f < rows.columns(); ++f)
            if (mask & (1u << f))
                rows.values[b * rows.columns() + f] = row[f];
    const auto predictions = predictor.predict(rows, {});
    if (!predictions)
        qFatal("%s", predictions.error().message.c_str());
    std::vector<double> value(predictions->outputs, 0.0);
    for (std::size_t b = 0; b < rows.rows; ++b)
        for (std::size_t o = 0; o < predictions->outputs; ++o)
            value[o] += background.weights[b] * predictions->at(b, o);
    return value;
}

// Shapley values by their definition: Σ over coalitions S without f of
// |S|! (M − |S| − 1)! / M! · (v(S ∪ f) − v(S)). Per output, per feature.
std::vector<std::vector<double>>
bruteForceShapley(Predictor &predictor, const Background &background, std::span<const double> row)
{
    const std::size_t features = row.size();
    const std::uint32_t all = 1u << features;
    std::vector<std::vector<double>> values;
    for (std::uint32_t mask = 0; mask < all; ++mask)
        values.push_back(coalitionValue(predictor, background, row, mask));
    std::vector<double> factorial(features + 1, 1.0);
    for (std::size_t n = 1; n <= features; ++n)
        factorial[n] = factorial[n - 1] * double(n);
    const std::size_t outputs = values[0].size();
    std::vector<std::vector<double>> phi(outputs, std::vector<double>(features, 0.0));
    for (std::size_t f = 0; f < features; ++f)
        for (std::uint32_t mask = 0; mask < all; ++mask) {
            if (mask & (1u << f))
                continue;
            const auto size = std::size_t(std::popcount(mask));
            const double weight =
                factorial[size] * factorial[features - size - 1] / factorial[features];
            for (std::size_t o = 0; o < outputs; ++o)
                phi[o][f] += weight * (values[mask | (1u << f)][o] - values[mask][o]);
        }
    return phi;
}

std::vector<std::vector<double>> bruteForceShapley(const Model &model, const Background &background,
                                                   std::span<const double> row)
{
    ModelPredictor predictor(model, 1);
    return bruteForceShapley(predictor, background, row);
}

// A non-additive function of 10 features: products, a maximum and a threshold.
testing::FunctionPredictor interactingFunctionOfTen()
{
    return testing::FunctionPredictor(1, [](std::span<const double> x, std::span<double> out) {
        out[0] = x[0] * x[1] + std::sin(x[2]) * x[3] + std::max(x[4], x[5]) * x[6] +
                 x[7] * x[8] * x[9] + (x[0] > x[9] ? 1.0 : -0.5) * x[4];
    });
}

// Contributions plus bias equal the model's prediction for every row and output.
void verifyAdditivity(const Model &model, const FeatureMatrix &x, const ShapValues &shap,
                      double tolerance)
{
    const std::vector<double> predictions = model.predictions(x, 1);
    for (std::size_t r = 0; r < x.rows; ++r)
        for (std::size_t o = 0; o < shap.outputs; ++o) {
            double total = 0;
            for (double value : shap.of(r, o))
                total += value;
            const double expected = predictions[r * shap.outputs + o];
            if (std::abs(total - expected) > tolerance)
                QFAIL(qPrintable(QStringLiteral("row %1 output %2: sum %3, prediction %4")
                                     .arg(r)
                                     .arg(o)
                                     .arg(total, 0, 'g', 17)
                                     .arg(expected, 0, 'g', 17)));
        }
}

// Counts the predictor's calls and the largest batch after the first two (background, rows).
class CountingPredictor final : public Predictor {
public:
    explicit CountingPredictor(const Model &model) : m_inner(model, 1) {}
    std::vector<std::string> outputNames() const override { return m_inner.outputNames(); }
    Result<Predictions> predict(const FeatureMatrix &x, const Progress &progress) override
    {
        if (++calls > 2)
            largestCoalitionBatchCells = std::max(largestCoalitionBatchCells, x.values.size());
        return m_inner.predict(x, progress);
    }
    std::size_t calls = 0;
    std::size_t largestCoalitionBatchCells = 0;

private:
    ModelPredictor m_inner;
};

} // namespace

class TestKernelShap : public QObject {
    Q_OBJECT

private slots:
    void linearModelGivesTheClosedForm()
    {
        const std::vector<double> coefficients{1.5, -2.0,  0.25, 3.0, -0.75, 0.5,
                                               1.0, -1.25, 2.5,  0.1, -0.3,  0.8};
        const auto model = testing::linearRegression(coefficients, 4.0);
        const auto features = model->signature().features;
        const Background background = summarized(testing::randomMatrix(features, 300, 1), 10);
        QCOMPARE(background.rows.rows, std::size_t(10));
        std::vector<double> backgroundMean(features.size(), 0.0);
        for (std::size_t b = 0; b < background.rows.rows; ++b)
            for (std::size_t f = 0; f < features.size(); ++f)
                backgroundMean[f] += background.weights[b] * background.rows.at(b, f);

        const FeatureMatrix x = testing::randomMatrix(features, 25, 2);
        ModelPredictor predictor(*model, 1);
        // The default budget (2·12 + 2048 < 2^12 − 2) enumerates the smallest sizes and samples the
        // rest; 60 samples every size.
        for (const std::size_t coalitions : {std::size_t(0), std::size_t(60)}) {
            const ShapValues shap =
                kernelShapOk(predictor, background, x, {.coalitions = coalitions, .seed = 3});
            QCOMPARE(shap.outputs, std::size_t(1));
            QCOMPARE(shap.features, features.size());
            for (std::size_t r = 0; r < x.rows; ++r)
                for (std::size_t f = 0; f < features.size(); ++f) {
                    const double expected = coefficients[f] * (x.at(r, f) - backgroundMean[f]);
                    if (std::abs(shap.of(r, 0)[f] - expected) > 1e-8)
                        QFAIL(qPrintable(QStringLiteral("budget %1 row %2 feature %3: %4, closed "
                                                        "form %5")
                                             .arg(coalitions)
                                             .arg(r)
                                             .arg(f)
                                             .arg(shap.of(r, 0)[f], 0, 'g', 17)
                                             .arg(expected, 0, 'g', 17)));
                }
            verifyAdditivity(*model, x, shap, 1e-9);
        }
    }

    void fullBudgetGivesExactShapleyValues()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        Background background = summarized(testing::randomMatrix(features, 200, 4), 6);
        FeatureMatrix x = testing::randomMatrix(features, 12, 5);
        // A feature equal to every background row's value plays no part: its value is 0.
        for (std::size_t b = 0; b < background.rows.rows; ++b)
            background.rows.values[b * features.size() + 2] = 0.7;
        x.values[3 * features.size() + 2] = 0.7;

        ModelPredictor predictor(*model, 1);
        const ShapValues shap =
            kernelShapOk(predictor, background, x, {.coalitions = 64, .seed = 1});
        for (std::size_t r = 0; r < x.rows; ++r) {
            const auto exact = bruteForceShapley(*model, background, x.row(r));
            for (std::size_t f = 0; f < features.size(); ++f)
                if (std::abs(shap.of(r, 0)[f] - exact[0][f]) > 1e-8)
                    QFAIL(qPrintable(QStringLiteral("row %1 feature %2: %3, exact %4")
                                         .arg(r)
                                         .arg(f)
                                         .arg(shap.of(r, 0)[f], 0, 'g', 17)
                                         .arg(exact[0][f], 0, 'g', 17)));
        }
        QCOMPARE(shap.of(3, 0)[2], 0.0);
        verifyAdditivity(*model, x, shap, 1e-9);
    }

    void sampledCoalitionsStillAddUp()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        const Background background = summarized(testing::randomMatrix(features, 200, 6), 8);
        const FeatureMatrix x = testing::randomMatrix(features, 40, 7);
        ModelPredictor predictor(*model, 1);
        const ShapValues shap =
            kernelShapOk(predictor, background, x, {.coalitions = 20, .seed = 2});
        verifyAdditivity(*model, x, shap, 1e-9);
        std::vector<double> backgroundPredictions = model->predictions(background.rows, 1);
        double expectedBias = 0;
        for (std::size_t b = 0; b < background.rows.rows; ++b)
            expectedBias += background.weights[b] * backgroundPredictions[b];
        for (std::size_t r = 0; r < x.rows; ++r)
            QVERIFY(std::abs(shap.bias(r, 0) - expectedBias) < 1e-12);
    }

    void sameSeedSameValues()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        const Background background = summarized(testing::randomMatrix(features, 200, 8), 8);
        const FeatureMatrix x = testing::randomMatrix(features, 30, 9);
        ModelPredictor predictor(*model, 2);
        const KernelShapOptions options{.coalitions = 24, .seed = 11};
        const ShapValues first = kernelShapOk(predictor, background, x, options);
        const ShapValues again = kernelShapOk(predictor, background, x, options);
        QVERIFY(first.values == again.values);
        const ShapValues otherSeed =
            kernelShapOk(predictor, background, x, {.coalitions = 24, .seed = 12});
        QVERIFY(first.values != otherSeed.values);
        // A row's explanation does not depend on the rows explained with it.
        const std::size_t picked[] = {17, 4};
        const ShapValues some = kernelShapOk(predictor, background, x.subset(picked), options);
        for (std::size_t i = 0; i < 2; ++i)
            QVERIFY(std::ranges::equal(some.of(i, 0), first.of(picked[i], 0)));
    }

    void multiclassGivesOneSetPerClass()
    {
        const auto model = testing::interactingTrees(OutputLink::Softmax, 3);
        const auto features = model->signature().features;
        const Background background = summarized(testing::randomMatrix(features, 150, 10), 5);
        const FeatureMatrix x = testing::randomMatrix(features, 15, 11);
        ModelPredictor predictor(*model, 1);
        const ShapValues shap = kernelShapOk(predictor, background, x, {.coalitions = 64});
        QCOMPARE(shap.outputs, std::size_t(3));
        verifyAdditivity(*model, x, shap, 1e-9);
        for (std::size_t r = 0; r < x.rows; ++r) {
            const auto exact = bruteForceShapley(*model, background, x.row(r));
            for (std::size_t o = 0; o < 3; ++o)
                for (std::size_t f = 0; f < features.size(); ++f)
                    QVERIFY(std::abs(shap.of(r, o)[f] - exact[o][f]) < 1e-8);
            // Probabilities add up to 1 in every coalition (to float rounding: the ensemble's
            // softmax runs in float), so each feature's values across the classes cancel.
            for (std::size_t f = 0; f < features.size(); ++f)
                QVERIFY(std::abs(shap.of(r, 0)[f] + shap.of(r, 1)[f] + shap.of(r, 2)[f]) < 1e-6);
        }
    }

    void coalitionsArePredictedInFewBoundedBatches()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        const FeatureMatrix x = testing::randomMatrix(features, 50, 12);
        {
            CountingPredictor predictor(*model);
            const Background background = summarized(testing::randomMatrix(features, 100, 13), 10);
            const ShapValues shap = kernelShapOk(predictor, background, x);
            // 50 rows × 62 coalitions × 10 background rows × 6 features fit one batch.
            QCOMPARE(predictor.calls, std::size_t(3));
            verifyAdditivity(*model, x, shap, 1e-9);
        }
        {
            // A large background: 62 coalitions × 3000 rows × 6 features per row, split up.
            CountingPredictor predictor(*model);
            const Background background =
                uniformBackground(testing::randomMatrix(features, 3000, 14));
            const ShapValues shap =
                kernelShapOk(predictor, background, x.subset(std::vector<std::size_t>{0, 1, 2}));
            QVERIFY(predictor.largestCoalitionBatchCells <= 2'000'000);
            QVERIFY(predictor.calls > 3);
            verifyAdditivity(*model, x.subset(std::vector<std::size_t>{0, 1, 2}), shap, 1e-9);
        }
    }

    void errorShrinksAsTheBudgetGrows()
    {
        // 10 features: 1022 coalitions, so budgets below that sample (the reference's regime).
        const auto features = testing::numericFeatures(10);
        const Background background = uniformBackground(testing::randomMatrix(features, 12, 30));
        const FeatureMatrix x = testing::randomMatrix(features, 6, 31);
        auto predictor = interactingFunctionOfTen();
        std::vector<std::vector<double>> exact;
        for (std::size_t r = 0; r < x.rows; ++r)
            exact.push_back(bruteForceShapley(predictor, background, x.row(r))[0]);

        std::vector<double> errors;
        for (const std::size_t budget : {std::size_t(24), std::size_t(120), std::size_t(600)}) {
            double squared = 0;
            std::size_t count = 0;
            for (std::uint64_t seed = 1; seed <= 4; ++seed) {
                const ShapValues shap =
                    kernelShapOk(predictor, background, x, {.coalitions = budget, .seed = seed});
                for (std::size_t r = 0; r < x.rows; ++r)
                    for (std::size_t f = 0; f < features.size(); ++f) {
                        const double difference = shap.of(r, 0)[f] - exact[r][f];
                        squared += difference * difference;
                        ++count;
                    }
            }
            errors.push_back(std::sqrt(squared / double(count)));
        }
        qInfo("RMS error vs exact Shapley at 24 / 120 / 600 coalitions: %g / %g / %g", errors[0],
              errors[1], errors[2]);
        QVERIFY(errors[1] < 0.7 * errors[0]);
        QVERIFY(errors[2] < 0.7 * errors[1]);
        QVERIFY(errors[2] > 0); // still sampled, not enumerated
    }

    void oneVaryingFeatureGetsTheWholeDifference()
    {
        const auto features = testing::numericFeatures(4);
        FeatureMatrix backgroundRows = testing::randomMatrix(features, 5, 32);
        FeatureMatrix x = testing::randomMatrix(features, 2, 33);
        // Only feature 2 differs from the background; the others equal every background row.
        for (std::size_t b = 0; b < backgroundRows.rows; ++b)
            for (const std::size_t f : {0, 1, 3})
                backgroundRows.values[b * 4 + f] = x.at(0, f);
        const Background background = uniformBackground(backgroundRows);
        auto function =
            testing::FunctionPredictor(1, [](std::span<const double> row, std::span<double> out) {
                out[0] = row[0] * row[2] + row[2] * row[2] * row[3] + row[1];
            });
        const ShapValues shap =
            kernelShapOk(function, background, x.subset(std::vector<std::size_t>{0}));
        const auto exact = bruteForceShapley(function, background, x.row(0));
        for (std::size_t f = 0; f < 4; ++f)
            QVERIFY(std::abs(shap.of(0, 0)[f] - exact[0][f]) < 1e-10);
        QVERIFY(std::abs(shap.of(0, 0)[2]) > 1e-3);
        QCOMPARE(shap.of(0, 0)[0], 0.0);
    }

    void noRowsGiveAnEmptyResult()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        const Background background = summarized(testing::randomMatrix(features, 50, 34), 4);
        ModelPredictor predictor(*model, 1);
        const ShapValues shap =
            kernelShapOk(predictor, background, testing::randomMatrix(features, 0, 35));
        QCOMPARE(shap.rows, std::size_t(0));
        QVERIFY(shap.values.empty());
    }

    void wrongPredictionShapeIsTheUsersError()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        const Background background = summarized(testing::randomMatrix(features, 50, 36), 4);
        const FeatureMatrix x = testing::randomMatrix(features, 3, 37);
        ModelPredictor inner(*model, 1);
        // Calls: the background, the rows, the coalitions.
        for (const std::size_t call : {std::size_t(1), std::size_t(2), std::size_t(3)}) {
            testing::MisshapenPredictor misshapen(inner, call,
                                                  testing::MisshapenPredictor::Fault::FewerRows);
            const auto shap = kernelShap(misshapen, background, x, {});
            QVERIFY(!shap);
            QCOMPARE(shap.error().kind, ErrorKind::InvalidInput);
            QVERIFY2(shap.error().message.find("rows") != std::string::npos,
                     shap.error().message.c_str());
        }
    }

    void mismatchedBackgroundIsAnError()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        Background background = summarized(testing::randomMatrix(features, 50, 15), 4);
        const FeatureMatrix x = testing::randomMatrix(features, 3, 16);
        ModelPredictor predictor(*model, 1);
        Background narrow = background;
        narrow.rows = testing::randomMatrix(testing::numericFeatures(5), 4, 1);
        auto shap = kernelShap(predictor, narrow, x, {});
        QVERIFY(!shap);
        QCOMPARE(shap.error().kind, ErrorKind::InvalidInput);
        background.weights.pop_back();
        shap = kernelShap(predictor, background, x, {});
        QVERIFY(!shap);
        QVERIFY(shap.error().message.find("weights") != std::string::npos);
    }

    void cancelledWhenAsked()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        const Background background = summarized(testing::randomMatrix(features, 50, 17), 4);
        ModelPredictor predictor(*model, 1);
        CancellationToken token;
        token.cancel();
        const auto shap = kernelShap(predictor, background, testing::randomMatrix(features, 5, 18),
                                     {}, Progress({}, token));
        QVERIFY(!shap);
        QCOMPARE(shap.error().kind, ErrorKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestKernelShap)
#include "test_kernel_shap.moc"
