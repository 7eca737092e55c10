// LIME: the weighted ridge equals sklearn's Ridge with sample weights, the quartile edges equal
// numpy's percentiles; a model that rises with one feature only is explained by that feature
// with the right sign and a good local fit; explanations are seeded per row, several rows'
// samples share one bounded prediction call, they follow the predicted class of a multiclass
// model; one feature, a constant column and no rows work; ridge alpha must be positive.
#include "common/random.h"
#include "explain/batch_limits.h"
#include "explain/lime.h"
#include "explain/lime_sampler.h"
#include "explain/quartile_discretizer.h"
#include "explain/truncated_normal.h"
#include "explain/weighted_ridge.h"
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
#include <limits>

using namespace assay;
using namespace assay::explain;
using namespace assay::model;
using assay::testing::FunctionPredictor;
using assay::testing::MisshapenPredictor;
using assay::testing::runOracleOn;
using assay::testing::toDoubles;
using assay::testing::toJson;

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// Four numeric features, uniform on [0, 1), and a categorical "purpose".
FeatureMatrix makeTraining(std::size_t rows, std::uint64_t seed)
{
    FeatureMatrix x;
    for (const char *name : {"age", "income", "debt", "tenure"})
        x.features.push_back({.name = name, .kind = FeatureKind::Numeric, .categories = {}});
    x.features.push_back({.name = "purpose",
                          .kind = FeatureKind::Categorical,
                          .categories = {"business", "car", "education"}});
    x.rows = rows;
    Random random(seed);
    for (std::size_t r = 0; r < rows; ++r) {
        for (int c = 0; c < 4; ++c)
            x.values.push_back(random.uniform());
        x.values.push_back(double(random.integer(0, 2)));
    }
    return x;
}

FeatureMatrix rowsOf(const FeatureMatrix &training, std::vector<std::vector<double>> rows)
{
    FeatureMatrix x{.rows = rows.size(), .features = training.features, .values = {}};
    for (const auto &row : rows)
        x.values.insert(x.values.end(), row.begin(), row.end());
    return x;
}

double logistic(double z)
{
    return 1 / (1 + std::exp(-z));
}

} // namespace

class TestLime : public QObject {
    Q_OBJECT

private slots:
    void weightedRidgeMatchesSklearn()
    {
        struct Problem {
            std::size_t columns;
            std::vector<double> x, y, w;
            double alpha;
        };
        std::vector<Problem> problems;
        Random random(3);
        for (const auto &[rows, columns, alpha, binary] :
             {std::tuple{300, 5, 1.0, false}, std::tuple{500, 8, 1.0, true},
              std::tuple{50, 3, 0.01, false}, std::tuple{200, 4, 10.0, true}}) {
            Problem p{.columns = std::size_t(columns), .x = {}, .y = {}, .w = {}, .alpha = alpha};
            for (int r = 0; r < rows; ++r) {
                double signal = 0;
                for (int c = 0; c < columns; ++c) {
                    const double v = binary ? double(random.chance(0.6)) : random.normal(0, 2);
                    p.x.push_back(v);
                    signal += (c + 1) * 0.7 * v;
                }
                p.y.push_back(signal + random.normal(0, 1));
                p.w.push_back(random.uniform(0.01, 1));
            }
            problems.push_back(std::move(p));
        }
        QJsonArray input;
        for (const Problem &p : problems)
            input.append(QJsonObject{{QStringLiteral("columns"), int(p.columns)},
                                     {QStringLiteral("x"), toJson(p.x)},
                                     {QStringLiteral("y"), toJson(p.y)},
                                     {QStringLiteral("w"), toJson(p.w)},
                                     {QStringLiteral("alpha"), p.alpha}});
        const QJsonDocument reference =
            runOracleOn(QJsonDocument(input), QStringLiteral("weighted_ridge_sklearn.py"));
        QCOMPARE(reference.array().size(), qsizetype(problems.size()));
        for (std::size_t i = 0; i < problems.size(); ++i) {
            const Problem &p = problems[i];
            const QJsonObject expected = reference.array()[int(i)].toObject();
            const RidgeFit fit = fitWeightedRidge(p.x, p.columns, p.y, p.w, p.alpha);
            QVERIFY(std::abs(fit.intercept - expected[QStringLiteral("intercept")].toDouble()) <
                    1e-8);
            const auto coef = toDoubles(expected[QStringLiteral("coef")]);
            QCOMPARE(fit.coefficients.size(), coef.size());
            for (std::size_t c = 0; c < coef.size(); ++c)
                QVERIFY2(std::abs(fit.coefficients[c] - coef[c]) < 1e-8,
                         qPrintable(QStringLiteral("problem %1 coef %2: %3 vs %4")
                                        .arg(i)
                                        .arg(c)
                                        .arg(fit.coefficients[c], 0, 'g', 17)
                                        .arg(coef[c], 0, 'g', 17)));
            std::vector<double> fitted;
            for (std::size_t r = 0; r < p.y.size(); ++r)
                fitted.push_back(fit.predict(std::span(p.x).subspan(r * p.columns, p.columns)));
            QVERIFY(std::abs(weightedR2(p.y, fitted, p.w) -
                             expected[QStringLiteral("score")].toDouble()) < 1e-8);
        }
    }

    void quartileEdgesMatchNumpy()
    {
        std::vector<std::vector<double>> columns;
        Random random(8);
        for (std::size_t n : {101, 1000, 7, 2}) {
            std::vector<double> column;
            for (std::size_t i = 0; i < n; ++i)
                column.push_back(random.normal(3, 10));
            columns.push_back(column);
        }
        std::vector<double> repeated; // integers 0..3: some quartiles coincide
        for (int i = 0; i < 97; ++i)
            repeated.push_back(double(random.integer(0, 3)));
        columns.push_back(repeated);
        columns.push_back(std::vector<double>(20, 1.5));
        columns.push_back({4.0});

        QJsonArray input;
        for (const auto &column : columns)
            input.append(toJson(column));
        const QJsonDocument reference =
            runOracleOn(QJsonDocument(input), QStringLiteral("quartiles_numpy.py"));
        QCOMPARE(reference.array().size(), qsizetype(columns.size()));
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto expected = toDoubles(reference.array()[int(i)]);
            const auto edges = quartileEdges(columns[i]);
            QCOMPARE(edges.size(), expected.size());
            for (std::size_t e = 0; e < edges.size(); ++e)
                QVERIFY2(std::abs(edges[e] - expected[e]) <= 1e-12 * std::abs(expected[e]),
                         qPrintable(QStringLiteral("column %1 edge %2: %3 vs %4")
                                        .arg(i)
                                        .arg(e)
                                        .arg(edges[e], 0, 'g', 17)
                                        .arg(expected[e], 0, 'g', 17)));
        }
        // Missing values are left out.
        std::vector<double> withMissing = columns[2];
        withMissing.insert(withMissing.begin() + 3, kMissing);
        QCOMPARE(quartileEdges(withMissing), quartileEdges(columns[2]));
    }

    void conditionsReadAsPeopleWriteThem()
    {
        FeatureMatrix training;
        training.features.push_back(
            {.name = "age", .kind = FeatureKind::Numeric, .categories = {}});
        for (int age = 20; age <= 80; ++age) {
            training.values.push_back(age);
            ++training.rows;
        }
        training.values.push_back(kMissing);
        ++training.rows;
        const DiscretisedFeature age = discretiseFeature(training, 0);
        QCOMPARE(age.edges, (std::vector<double>{35, 50, 65}));
        QCOMPARE(age.condition(age.binOf(20)), std::string("age <= 35.00"));
        QCOMPARE(age.condition(age.binOf(35)), std::string("age <= 35.00"));
        QCOMPARE(age.condition(age.binOf(35.5)), std::string("35.00 < age <= 50.00"));
        QCOMPARE(age.condition(age.binOf(66)), std::string("age > 65.00"));
        QCOMPARE(age.condition(age.binOf(kMissing)), std::string("age is missing"));
        QCOMPARE(age.bins[age.binOf(kMissing)].count, std::size_t(1));
        QCOMPARE(age.bins[0].count, std::size_t(16));
        QCOMPARE(age.bins[0].low, 20.0);
        QCOMPARE(age.bins[3].high, 80.0);

        const FeatureMatrix mixed = makeTraining(50, 1);
        const DiscretisedFeature purpose = discretiseFeature(mixed, 4);
        QCOMPARE(purpose.condition(purpose.binOf(1)), std::string("purpose = car"));
    }

    void samplesStayInTheirBins()
    {
        QVERIFY(std::abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12);
        QVERIFY(std::abs(normalQuantile(1e-10) + 6.361340902404056) < 1e-9);
        const FeatureMatrix training = makeTraining(400, 2);
        std::vector<DiscretisedFeature> features;
        for (std::size_t f = 0; f < training.columns(); ++f)
            features.push_back(discretiseFeature(training, f));
        Random random(5);
        const auto row = training.row(7);
        const LimeNeighbourhood neighbourhood = sampleNeighbourhood(features, row, 2000, random);
        QCOMPARE(neighbourhood.samples.rows, std::size_t(2000));
        for (std::size_t f = 0; f < training.columns(); ++f) {
            QCOMPARE(neighbourhood.samples.at(0, f), row[f]);
            QCOMPARE(neighbourhood.binary[f], 1.0);
        }
        std::size_t kept = 0;
        for (std::size_t s = 1; s < 2000; ++s)
            for (std::size_t f = 0; f < training.columns(); ++f) {
                const double value = neighbourhood.samples.at(s, f);
                const std::size_t bin = features[f].binOf(value);
                QCOMPARE(neighbourhood.binary[s * training.columns() + f],
                         bin == features[f].binOf(row[f]) ? 1.0 : 0.0);
                if (f < 4) {
                    QVERIFY(value >= features[f].bins[bin].low);
                    QVERIFY(value <= features[f].bins[bin].high);
                }
                kept += bin == features[f].binOf(row[f]);
            }
        // Quartile bins and three categories: about a quarter and a third of samples keep the
        // row's bin.
        const double keptShare = double(kept) / (1999.0 * 5);
        QVERIFY2(keptShare > 0.24 && keptShare < 0.31, qPrintable(QString::number(keptShare)));
    }

    void theFeatureTheModelReadsDominatesWithItsSign()
    {
        const FeatureMatrix training = makeTraining(600, 4);
        const double upperQuartile = quartileEdges([&] {
            std::vector<double> ages;
            for (std::size_t r = 0; r < training.rows; ++r)
                ages.push_back(training.at(r, 0));
            return ages;
        }())[2];
        // Rises steeply with age around its upper quartile, ignores everything else.
        FunctionPredictor predictor(1, [&](std::span<const double> row, std::span<double> out) {
            out[0] = logistic(60 * (row[0] - upperQuartile));
        });
        const FeatureMatrix x =
            rowsOf(training, {{0.95, 0.5, 0.5, 0.5, 1}, {0.05, 0.5, 0.5, 0.5, 1}});
        LimeOptions options;
        options.seed = 17;
        auto explanations = explainLime(predictor, training, x, options);
        QVERIFY2(explanations.ok(), explanations.ok() ? "" : explanations.error().message.c_str());
        QCOMPARE(explanations->size(), std::size_t(2));
        QCOMPARE(predictor.calls, std::size_t(1)); // both rows' samples in one call
        QCOMPARE(predictor.largestBatch, 2 * options.samples);

        const LimeExplanation &old = (*explanations)[0];
        QCOMPARE(old.terms.size(), std::size_t(5));
        QCOMPARE(old.terms[0].feature, std::size_t(0));
        QVERIFY(old.terms[0].condition.starts_with("age > "));
        QVERIFY(old.terms[0].weight > 0.8);
        for (std::size_t t = 1; t < old.terms.size(); ++t)
            QVERIFY(std::abs(old.terms[t].weight) < 0.05);
        QVERIFY2(old.score > 0.9, qPrintable(QString::number(old.score)));
        QCOMPARE(old.modelPrediction, logistic(60 * (0.95 - upperQuartile)));
        double sum = old.intercept;
        for (const LimeTerm &term : old.terms)
            sum += term.weight;
        QVERIFY(std::abs(old.localPrediction - sum) < 1e-12);
        QVERIFY(std::abs(old.localPrediction - old.modelPrediction) < 0.1);

        const LimeExplanation &young = (*explanations)[1];
        QCOMPARE(young.terms[0].feature, std::size_t(0));
        QVERIFY(young.terms[0].condition.starts_with("age <= "));
        QVERIFY(young.terms[0].weight < -0.1);
        QVERIFY(young.terms[0].condition.find("purpose") == std::string::npos);
    }

    void maxFeaturesKeepsTheLargestWeights()
    {
        const FeatureMatrix training = makeTraining(300, 6);
        FunctionPredictor predictor(1, [](std::span<const double> row, std::span<double> out) {
            out[0] = 3 * row[0] - 2 * row[2] + 0.1 * row[3];
        });
        LimeOptions options;
        options.maxFeatures = 2;
        options.samples = 3000;
        auto explanations =
            explainLime(predictor, training, rowsOf(training, {{0.9, 0.5, 0.9, 0.5, 0}}), options);
        QVERIFY(explanations.ok());
        const auto &terms = explanations->front().terms;
        QCOMPARE(terms.size(), std::size_t(2));
        QCOMPARE(terms[0].feature, std::size_t(0));
        QCOMPARE(terms[1].feature, std::size_t(2));
        QVERIFY(terms[0].weight > 0 && terms[1].weight < 0);
        QVERIFY(std::abs(terms[0].weight) > std::abs(terms[1].weight));
    }

    void seededPerRow()
    {
        const FeatureMatrix training = makeTraining(300, 7);
        FunctionPredictor predictor(1, [](std::span<const double> row, std::span<double> out) {
            out[0] = row[0] * row[1] + (row[4] == 2 ? 1 : 0);
        });
        const std::vector<double> a{0.2, 0.7, 0.1, 0.9, 2}, b{0.8, 0.3, 0.6, 0.4, 0};
        LimeOptions options;
        options.samples = 1000;
        options.seed = 5;
        auto together = explainLime(predictor, training, rowsOf(training, {a, b}), options);
        auto alone = explainLime(predictor, training, rowsOf(training, {b}), options);
        auto again = explainLime(predictor, training, rowsOf(training, {a, b}), options);
        options.seed = 6;
        auto reseeded = explainLime(predictor, training, rowsOf(training, {a, b}), options);
        QVERIFY(together.ok() && alone.ok() && again.ok() && reseeded.ok());
        const auto weightsOf = [](const LimeExplanation &e) {
            std::vector<double> weights;
            for (const LimeTerm &term : e.terms)
                weights.push_back(term.weight);
            return weights;
        };
        QCOMPARE(weightsOf((*together)[1]), weightsOf((*alone)[0]));
        QCOMPARE((*together)[1].score, (*alone)[0].score);
        QCOMPARE(weightsOf((*together)[0]), weightsOf((*again)[0]));
        QVERIFY(weightsOf((*together)[0]) != weightsOf((*reseeded)[0]));
        QCOMPARE((*alone)[0].row, std::size_t(0));
        QCOMPARE((*together)[1].row, std::size_t(1));
    }

    void rowsShareFewBoundedPredictorCalls()
    {
        const FeatureMatrix training = makeTraining(300, 11);
        FunctionPredictor predictor(1, [](std::span<const double> row, std::span<double> out) {
            out[0] = row[0] * row[1] + row[2];
        });
        Random random(12);
        std::vector<std::vector<double>> rows;
        for (int r = 0; r < 30; ++r)
            rows.push_back({random.uniform(), random.uniform(), random.uniform(), random.uniform(),
                            double(random.integer(0, 2))});
        LimeOptions options;
        options.samples = 5000; // 25 000 values a row: 80 rows a call
        auto explanations = explainLime(predictor, training, rowsOf(training, rows), options);
        QVERIFY(explanations.ok());
        QCOMPARE(predictor.calls, std::size_t(1));
        QCOMPARE(explanations->size(), std::size_t(30));

        options.samples = 100'000; // 500 000 values a row: 4 rows a call
        predictor.calls = 0;
        rows.resize(9);
        auto large = explainLime(predictor, training, rowsOf(training, rows), options);
        QVERIFY(large.ok());
        QCOMPARE(predictor.calls, std::size_t(3));
        QVERIFY(predictor.largestBatch * training.columns() <= kSampleBatchValues);
    }

    void oneFeatureIsExplained()
    {
        FeatureMatrix training = makeTraining(200, 13);
        FeatureMatrix single{
            .rows = training.rows, .features = {training.features[0]}, .values = {}};
        for (std::size_t r = 0; r < training.rows; ++r)
            single.values.push_back(training.at(r, 0));
        FunctionPredictor predictor(
            1, [](std::span<const double> row, std::span<double> out) { out[0] = 4 * row[0]; });
        auto explanations = explainLime(predictor, single, rowsOf(single, {{0.9}}), {});
        QVERIFY(explanations.ok());
        const LimeExplanation &explanation = explanations->front();
        QCOMPARE(explanation.terms.size(), std::size_t(1));
        QVERIFY(explanation.terms[0].weight > 1.0); // the top quartile reads ~ +3 above the rest
        QVERIFY(std::isfinite(explanation.intercept));
        QVERIFY(explanation.score > 0.5);
    }

    void constantColumnGetsNoWeight()
    {
        FeatureMatrix training = makeTraining(200, 14);
        for (std::size_t r = 0; r < training.rows; ++r)
            training.values[r * training.columns() + 3] = 5.0; // tenure never varies
        FunctionPredictor predictor(1, [](std::span<const double> row, std::span<double> out) {
            out[0] = 2 * row[0] + row[3];
        });
        auto explanations =
            explainLime(predictor, training, rowsOf(training, {{0.9, 0.5, 0.5, 5.0, 1}}), {});
        QVERIFY(explanations.ok());
        const LimeExplanation &explanation = explanations->front();
        for (const LimeTerm &term : explanation.terms) {
            QVERIFY(std::isfinite(term.weight));
            if (term.feature == 3)
                QVERIFY(std::abs(term.weight) < 1e-9);
        }
        QCOMPARE(explanation.terms.front().feature, std::size_t(0));
        QVERIFY(std::isfinite(explanation.intercept) && std::isfinite(explanation.score));
    }

    void noRowsGiveNoExplanations()
    {
        const FeatureMatrix training = makeTraining(50, 15);
        FunctionPredictor predictor(
            1, [](std::span<const double>, std::span<double> out) { out[0] = 1; });
        auto explanations = explainLime(predictor, training, rowsOf(training, {}), {});
        QVERIFY(explanations.ok());
        QVERIFY(explanations->empty());
        QCOMPARE(predictor.calls, std::size_t(0));
    }

    void multiclassExplainsThePredictedClass()
    {
        const FeatureMatrix training = makeTraining(300, 8);
        // Softmax over three classes whose scores rise, stay, and fall with age.
        FunctionPredictor predictor(3, [](std::span<const double> row, std::span<double> out) {
            const double scores[3] = {-8 * row[0], -2.0, 8 * row[0] - 6};
            double total = 0;
            for (int k = 0; k < 3; ++k)
                total += out[k] = std::exp(scores[k]);
            for (int k = 0; k < 3; ++k)
                out[k] /= total;
        });
        LimeOptions options;
        options.samples = 2000;
        auto explanations = explainLime(
            predictor, training,
            rowsOf(training, {{0.98, 0.5, 0.5, 0.5, 0}, {0.02, 0.5, 0.5, 0.5, 0}}), options);
        QVERIFY(explanations.ok());
        const LimeExplanation &high = (*explanations)[0];
        const LimeExplanation &low = (*explanations)[1];
        QCOMPARE(high.output, std::size_t(2));
        QCOMPARE(low.output, std::size_t(0));
        QVERIFY(high.modelPrediction > 0.5 && low.modelPrediction > 0.5);
        QCOMPARE(high.terms[0].feature, std::size_t(0));
        QVERIFY(high.terms[0].weight > 0);
        QCOMPARE(low.terms[0].feature, std::size_t(0));
        QVERIFY(low.terms[0].weight > 0);
    }

    void wrongPredictionShapeIsTheUsersError()
    {
        const FeatureMatrix training = makeTraining(50, 10);
        const FeatureMatrix x = rowsOf(training, {{0.5, 0.5, 0.5, 0.5, 1}});
        FunctionPredictor constant(
            1, [](std::span<const double>, std::span<double> out) { out[0] = 1; });
        MisshapenPredictor fewerRows(constant, 1, MisshapenPredictor::Fault::FewerRows);
        auto result = explainLime(fewerRows, training, x, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
        QVERIFY(result.error().message.find("LIME") != std::string::npos);
    }

    void badInputAndCancellation()
    {
        const FeatureMatrix training = makeTraining(50, 9);
        FunctionPredictor predictor(
            1, [](std::span<const double>, std::span<double> out) { out[0] = 1; });
        FeatureMatrix empty{.rows = 0, .features = training.features, .values = {}};
        const FeatureMatrix x = rowsOf(training, {{0.5, 0.5, 0.5, 0.5, 1}});
        QCOMPARE(explainLime(predictor, empty, x, {}).error().kind, ErrorKind::InvalidInput);
        FeatureMatrix renamed = x;
        renamed.features[0].name = "years";
        QCOMPARE(explainLime(predictor, training, renamed, {}).error().kind,
                 ErrorKind::InvalidInput);
        for (const double alpha : {0.0, -1.0, std::numeric_limits<double>::infinity()}) {
            LimeOptions unpenalised;
            unpenalised.ridgeAlpha = alpha;
            QCOMPARE(explainLime(predictor, training, x, unpenalised).error().kind,
                     ErrorKind::InvalidInput);
        }
        CancellationToken token;
        token.cancel();
        auto cancelled = explainLime(predictor, training, x, {}, Progress({}, token));
        QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);
        // A constant model: nothing to explain, a perfect (flat) fit.
        auto flat = explainLime(predictor, training, x, {});
        QVERIFY(flat.ok());
        QCOMPARE(flat->front().score, 1.0);
        for (const LimeTerm &term : flat->front().terms)
            QVERIFY(std::abs(term.weight) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestLime)
#include "test_lime.moc"
