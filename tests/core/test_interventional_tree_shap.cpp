// Interventional TreeSHAP equals the Shapley values of its game computed by brute force over
// all 2^M coalitions: v(S) = Σ_b w_b · margin(x_S, b_~S), the margins from predictMargin. The
// hand-built trees (numeric and categorical splits, missing values both ways, features split
// twice on a path) have leaf values in sixteenths and the weights are dyadic, so predictMargin's
// float sums are exact and the two agree to 1e-9.
#include "common/random.h"
#include "explain/tree_shap.h"
#include "support/tree_nodes.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

using namespace assay;
using namespace assay::model;
using namespace assay::explain;

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
// Features 0 and 1 are categorical (codes 0..3), the others numeric on a small grid so
// values land on thresholds.
constexpr std::size_t kCategorical = 2;

double randomValue(Random &random, std::size_t feature)
{
    if (random.chance(0.15))
        return kMissing;
    if (feature < kCategorical)
        return random.integer(0, 3);
    return random.integer(-4, 4) * 0.5;
}

std::int32_t growNode(Random &random, Tree &tree, std::size_t features, int depth)
{
    const auto index = std::int32_t(tree.nodes.size());
    if (depth == 0 || random.chance(0.15)) {
        tree.nodes.push_back(testing::leafNode(float(random.integer(-32, 32)) / 16.0f));
        return index;
    }
    const auto feature = std::size_t(random.integer(0, int(features) - 1));
    const bool categorical = feature < kCategorical;
    const float threshold =
        categorical ? float(random.integer(0, 3)) : float(random.integer(-3, 3)) * 0.5f;
    tree.nodes.push_back(testing::splitNode(std::int32_t(feature), threshold, -1, -1,
                                            random.chance(0.5), categorical));
    const std::int32_t left = growNode(random, tree, features, depth - 1);
    const std::int32_t right = growNode(random, tree, features, depth - 1);
    tree.nodes[index].left = left;
    tree.nodes[index].right = right;
    return index;
}

std::vector<FeatureSpec> featureSpecs(std::size_t count)
{
    std::vector<FeatureSpec> specs(count);
    for (std::size_t f = 0; f < count; ++f) {
        specs[f].name = "f" + std::to_string(f);
        if (f < kCategorical) {
            specs[f].kind = FeatureKind::Categorical;
            specs[f].categories = {"a", "b", "c", "d"};
        }
    }
    return specs;
}

TreeEnsemble randomEnsemble(std::uint64_t seed, std::size_t features, std::size_t outputs,
                            std::size_t trees, int depth)
{
    Random random(seed);
    ModelSignature signature;
    signature.features = featureSpecs(features);
    signature.task = outputs > 1 ? Task::Multiclass : Task::Regression;
    for (std::size_t g = 0; outputs > 1 && g < outputs; ++g)
        signature.classes.push_back("c" + std::to_string(g));
    std::vector<Tree> grown(trees);
    for (std::size_t t = 0; t < trees; ++t) {
        grown[t].outputGroup = std::int32_t(t % outputs);
        growNode(random, grown[t], features, depth);
    }
    return TreeEnsemble(std::move(signature), std::move(grown), std::vector<float>(outputs, 0.5f),
                        outputs > 1 ? OutputLink::Softmax : OutputLink::Identity);
}

FeatureMatrix randomRows(Random &random, const TreeEnsemble &model, std::size_t rows)
{
    FeatureMatrix x;
    x.rows = rows;
    x.features = model.signature().features;
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t f = 0; f < x.columns(); ++f)
            x.values.push_back(randomValue(random, f));
    return x;
}

// Shapley values of v(S) = Σ_b w_b margin(x_S, b_~S) by enumerating every coalition:
// rows × outputs × (features + 1), the last slot v(all features) - φ's sum, i.e. v(∅).
std::vector<double> bruteForceShapley(const TreeEnsemble &model, const FeatureMatrix &x,
                                      const Background &background)
{
    const std::size_t m = x.columns();
    const std::size_t coalitions = std::size_t(1) << m;
    const std::size_t outputs = model.signature().outputCount();
    const std::size_t b = background.rows.rows;
    std::vector<double> factorials(m + 1, 1.0);
    for (std::size_t n = 1; n <= m; ++n)
        factorials[n] = factorials[n - 1] * double(n);
    std::vector<double> result;
    for (std::size_t r = 0; r < x.rows; ++r) {
        FeatureMatrix hybrids;
        hybrids.rows = coalitions * b;
        hybrids.features = x.features;
        for (std::size_t s = 0; s < coalitions; ++s)
            for (std::size_t k = 0; k < b; ++k)
                for (std::size_t f = 0; f < m; ++f)
                    hybrids.values.push_back((s >> f) & 1 ? x.at(r, f) : background.rows.at(k, f));
        std::vector<double> margins(hybrids.rows * outputs);
        model.predictMargin(hybrids, margins, 1);
        for (std::size_t g = 0; g < outputs; ++g) {
            std::vector<double> game(coalitions, 0.0);
            for (std::size_t s = 0; s < coalitions; ++s)
                for (std::size_t k = 0; k < b; ++k)
                    game[s] += background.weights[k] * margins[(s * b + k) * outputs + g];
            for (std::size_t i = 0; i < m; ++i) {
                double phi = 0;
                for (std::size_t s = 0; s < coalitions; ++s) {
                    if ((s >> i) & 1)
                        continue;
                    const auto size = std::size_t(std::popcount(s));
                    phi += factorials[size] * factorials[m - size - 1] / factorials[m] *
                           (game[s | (std::size_t(1) << i)] - game[s]);
                }
                result.push_back(phi);
            }
            result.push_back(game[0]);
        }
    }
    return result;
}

Background dyadicBackground(Random &random, const TreeEnsemble &model)
{
    Background background;
    background.rows = randomRows(random, model, 4);
    background.weights = {0.125, 0.375, 0.25, 0.25};
    return background;
}

} // namespace

class TestInterventionalTreeShap : public QObject {
    Q_OBJECT

private slots:
    void equalsTheBruteForceShapleyValues_data()
    {
        QTest::addColumn<int>("features");
        QTest::addColumn<int>("outputs");
        QTest::addColumn<int>("depth");
        QTest::newRow("3 features, depth 2") << 3 << 1 << 2;
        QTest::newRow("5 features, depth 4") << 5 << 1 << 4;
        QTest::newRow("8 features, depth 6") << 8 << 1 << 6;
        QTest::newRow("multiclass, 6 features, depth 5") << 6 << 3 << 5;
    }

    void equalsTheBruteForceShapleyValues()
    {
        QFETCH(int, features);
        QFETCH(int, outputs);
        QFETCH(int, depth);
        const TreeEnsemble model =
            randomEnsemble(std::uint64_t(features * 100 + depth), std::size_t(features),
                           std::size_t(outputs), 12, depth);
        Random random(99);
        const FeatureMatrix x = randomRows(random, model, 12);
        const Background background = dyadicBackground(random, model);

        const auto shap = interventionalTreeShap(model, x, background, 2);
        QVERIFY(shap);
        const std::vector<double> expected = bruteForceShapley(model, x, background);
        QCOMPARE(shap->values.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            if (std::abs(shap->values[i] - expected[i]) > 1e-9)
                QFAIL(qPrintable(QStringLiteral("value %1: %2, brute force %3")
                                     .arg(i)
                                     .arg(shap->values[i], 0, 'g', 17)
                                     .arg(expected[i], 0, 'g', 17)));

        // Additivity: the contributions plus the background's mean margin give the row's margin.
        std::vector<double> margins(x.rows * shap->outputs);
        model.predictMargin(x, margins, 1);
        for (std::size_t r = 0; r < x.rows; ++r)
            for (std::size_t g = 0; g < shap->outputs; ++g) {
                double total = 0;
                for (double value : shap->of(r, g))
                    total += value;
                QVERIFY(std::abs(total - margins[r * shap->outputs + g]) < 1e-9);
            }
    }

    void sameValuesWhateverTheThreadCount()
    {
        const TreeEnsemble model = randomEnsemble(5, 7, 1, 30, 6);
        Random random(3);
        const FeatureMatrix x = randomRows(random, model, 100);
        const Background background = dyadicBackground(random, model);
        const auto one = interventionalTreeShap(model, x, background, 1);
        const auto three = interventionalTreeShap(model, x, background, 3);
        QVERIFY(one && three);
        QVERIFY(one->values == three->values);
    }

    void weightsAreNormalised()
    {
        const TreeEnsemble model = randomEnsemble(8, 5, 1, 10, 4);
        Random random(6);
        const FeatureMatrix x = randomRows(random, model, 10);
        const Background background = dyadicBackground(random, model);
        Background unnormalised = background;
        for (double &weight : unnormalised.weights)
            weight *= 8; // 1, 3, 2, 2
        const auto expected = interventionalTreeShap(model, x, background, 1);
        const auto shap = interventionalTreeShap(model, x, unnormalised, 1);
        QVERIFY(expected && shap);
        for (std::size_t i = 0; i < expected->values.size(); ++i)
            QVERIFY(std::abs(shap->values[i] - expected->values[i]) < 1e-12);
    }

    void badBackgroundWeightsAreAnError()
    {
        const TreeEnsemble model = randomEnsemble(2, 4, 1, 3, 3);
        Random random(5);
        const FeatureMatrix x = randomRows(random, model, 5);
        const Background background = dyadicBackground(random, model);
        for (const std::vector<double> &weights :
             {std::vector<double>{0.5, -0.25, 0.5, 0.25}, std::vector<double>{0.5, kMissing, 0, 0},
              std::vector<double>{0, 0, 0, 0},
              std::vector<double>{std::numeric_limits<double>::infinity(), 0, 0, 0}}) {
            Background bad = background;
            bad.weights = weights;
            const auto shap = interventionalTreeShap(model, x, bad, 1);
            QVERIFY(!shap);
            QCOMPARE(shap.error().kind, ErrorKind::InvalidInput);
            QVERIFY(shap.error().message.find("weight") != std::string::npos);
        }
    }

    void progressNeverGoesBack()
    {
        const TreeEnsemble model = randomEnsemble(6, 6, 1, 20, 5);
        Random random(7);
        const FeatureMatrix x = randomRows(random, model, 400);
        const Background background = dyadicBackground(random, model);
        std::mutex mutex;
        std::vector<double> fractions;
        const Progress progress(
            [&](double fraction, std::string_view) {
                const std::lock_guard lock(mutex);
                fractions.push_back(fraction);
            },
            {});
        const auto verify = [&](const char *method) {
            QVERIFY2(!fractions.empty(), method);
            QVERIFY2(std::is_sorted(fractions.begin(), fractions.end()), method);
            QVERIFY2(fractions.back() == 1.0, method);
            fractions.clear();
        };
        QVERIFY(interventionalTreeShap(model, x, background, 4, progress));
        verify("interventional");
        QVERIFY(treeShap(model, x, 4, progress));
        verify("path-dependent");
        QVERIFY(treeShapInteractions(model, x, 4, progress));
        verify("interactions");
    }

    void badBackgroundIsAnError()
    {
        const TreeEnsemble model = randomEnsemble(1, 4, 1, 3, 3);
        Random random(4);
        const FeatureMatrix x = randomRows(random, model, 5);
        Background empty;
        empty.rows.features = x.features;
        auto shap = interventionalTreeShap(model, x, empty, 1);
        QVERIFY(!shap);
        QCOMPARE(shap.error().kind, ErrorKind::InvalidInput);
        QVERIFY(shap.error().message.find("no rows") != std::string::npos);

        Background narrow = dyadicBackground(random, model);
        narrow.rows.features.pop_back();
        shap = interventionalTreeShap(model, x, narrow, 1);
        QVERIFY(!shap);
        QVERIFY(shap.error().message.find("3 columns") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestInterventionalTreeShap)
#include "test_interventional_tree_shap.moc"
