// Path-dependent TreeSHAP on models Assay trains itself (forest and gbt, with a categorical
// feature and missing values): contributions plus bias equal predictMargin, and the pattern
// tables equal the recursion tree by tree. Trees without covers fall back to equal shares the
// same way in the bias, the recursion and the patterns.
#include "common/random.h"
#include "explain/pattern_tree_shap.h"
#include "explain/tree_expected_value.h"
#include "explain/tree_path_shap.h"
#include "explain/tree_shap.h"
#include "model/trainer.h"
#include "support/tree_nodes.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

using namespace assay;
using namespace assay::model;
using namespace assay::explain;

namespace {

// 300 rows: three numeric features (one 10 % missing) and a categorical "colour" with four
// codes; y interacts the colour with the numbers. Binary: y > 0.
struct Data {
    FeatureMatrix x;
    std::vector<double> y;
};

Data makeData(std::uint64_t seed, bool binary)
{
    Data data;
    for (const char *name : {"a", "b", "c"})
        data.x.features.push_back({.name = name, .kind = FeatureKind::Numeric, .categories = {}});
    data.x.features.push_back({.name = "colour",
                               .kind = FeatureKind::Categorical,
                               .categories = {"red", "green", "blue", "grey"}});
    Random random(seed);
    data.x.rows = 300;
    for (std::size_t r = 0; r < data.x.rows; ++r) {
        const double a = random.normal(0, 1), b = random.normal(0, 1);
        const double c =
            random.chance(0.1) ? std::numeric_limits<double>::quiet_NaN() : random.uniform(-1, 1);
        const double colour = random.integer(0, 3);
        data.x.values.insert(data.x.values.end(), {a, b, c, colour});
        const double signal =
            (colour == 2 ? 2 * a : -a) + a * b + (std::isnan(c) ? 0.5 : c) + random.normal(0, 0.2);
        data.y.push_back(binary ? (signal > 0 ? 1.0 : 0.0) : signal);
    }
    return data;
}

std::unique_ptr<TreeEnsemble> train(const std::string &trainerName, const Data &data, Task task)
{
    const Trainer *trainer = findTrainer(trainerName);
    if (!trainer)
        qFatal("no trainer %s", trainerName.c_str());
    ModelSignature signature{
        .task = task, .target = "y", .classes = {}, .features = data.x.features};
    if (task == Task::Binary)
        signature.classes = {"no", "yes"};
    auto params = resolveParams(trainer->params(), {{"n_estimators", "8"}, {"max_depth", "5"}});
    if (!params)
        qFatal("%s", params.error().message.c_str());
    TrainOptions options;
    options.params = *params;
    options.seed = 3;
    options.threads = 1;
    const TrainingSet set{.x = &data.x, .y = data.y, .signature = signature};
    auto model = trainer->train(set, options);
    if (!model)
        qFatal("%s", model.error().message.c_str());
    auto *ensemble = dynamic_cast<TreeEnsemble *>(model->get());
    if (!ensemble)
        qFatal("%s did not give trees", trainerName.c_str());
    model->release();
    return std::unique_ptr<TreeEnsemble>(ensemble);
}

void verifyAdditivity(const TreeEnsemble &model, const FeatureMatrix &x)
{
    const auto shap = treeShap(model, x, 2);
    QVERIFY(shap);
    std::vector<double> margins(x.rows * shap->outputs);
    model.predictMargin(x, margins, 1);
    for (std::size_t r = 0; r < x.rows; ++r)
        for (std::size_t g = 0; g < shap->outputs; ++g) {
            double total = 0;
            for (double value : shap->of(r, g))
                total += value;
            const double expected = margins[r * shap->outputs + g];
            if (std::abs(total - expected) > 1e-5 * (1 + std::abs(expected)))
                QFAIL(qPrintable(QStringLiteral("row %1: sum %2, margin %3")
                                     .arg(r)
                                     .arg(total, 0, 'g', 17)
                                     .arg(expected, 0, 'g', 17)));
        }
}

// Explains the first 64 rows of x with one tree both ways; the largest difference.
double patternsVersusRecursion(const Tree &tree, const FeatureMatrix &x)
{
    const std::size_t rows = std::min<std::size_t>(x.rows, PatternTreeShap::kLockstepRows);
    const std::size_t columns = x.columns();
    std::vector<float> columnMajor(columns * rows);
    for (std::size_t f = 0; f < columns; ++f)
        for (std::size_t r = 0; r < rows; ++r)
            columnMajor[f * rows + r] = float(x.at(r, f));
    const PatternTreeShap patterns(tree);
    std::vector<std::uint32_t> scratch(patterns.scratchSize());
    std::vector<double> fromPatterns(rows * columns, 0.0);
    patterns.explain({.values = columnMajor.data(), .stride = rows, .count = rows},
                     fromPatterns.data(), columns, scratch.data());

    const TreePathShap recursion(tree);
    std::vector<PathElement> path;
    std::vector<float> row(columns);
    double worst = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t f = 0; f < columns; ++f)
            row[f] = float(x.at(r, f));
        std::vector<double> phi(columns, 0.0);
        recursion.explain(row.data(), phi, path);
        for (std::size_t f = 0; f < columns; ++f)
            worst = std::max(worst, std::abs(phi[f] - fromPatterns[r * columns + f]));
    }
    return worst;
}

// A tree over features 0 (numeric) and 1 (categorical) whose covers are all `cover`, except the
// root's, which is `rootCover`.
Tree coverlessTree(double cover, double rootCover)
{
    Tree tree;
    tree.nodes = {testing::splitNode(0, 0.5f, 1, 2),
                  testing::splitNode(1, 2.0f, 3, 4, false, true),
                  testing::splitNode(0, 1.5f, 5, 6),
                  testing::leafNode(1.0f),
                  testing::leafNode(-2.0f),
                  testing::leafNode(0.5f),
                  testing::leafNode(3.0f)};
    for (auto &node : tree.nodes)
        node.cover = cover;
    tree.nodes[0].cover = rootCover;
    return tree;
}

} // namespace

class TestTreeShapTrained : public QObject {
    Q_OBJECT

private slots:
    void trainedEnsemblesAddUpAndPatternsEqualTheRecursion_data()
    {
        QTest::addColumn<QString>("trainer");
        QTest::addColumn<bool>("binary");
        QTest::newRow("forest regression") << QStringLiteral("forest") << false;
        QTest::newRow("forest binary") << QStringLiteral("forest") << true;
        QTest::newRow("gbt regression") << QStringLiteral("gbt") << false;
        QTest::newRow("gbt binary") << QStringLiteral("gbt") << true;
    }

    void trainedEnsemblesAddUpAndPatternsEqualTheRecursion()
    {
        QFETCH(QString, trainer);
        QFETCH(bool, binary);
        const Data data = makeData(binary ? 2 : 1, binary);
        const auto model =
            train(trainer.toStdString(), data, binary ? Task::Binary : Task::Regression);
        QVERIFY(!model->trees().empty());
        bool splitsOnColour = false;
        for (const Tree &tree : model->trees())
            for (const TreeNode &node : tree.nodes)
                splitsOnColour = splitsOnColour || (!node.isLeaf() && node.feature == 3);
        QVERIFY(splitsOnColour);

        verifyAdditivity(*model, data.x);
        for (std::size_t t = 0; t < model->trees().size(); ++t) {
            const double worst = patternsVersusRecursion(model->trees()[t], data.x);
            QVERIFY2(worst < 1e-5, qPrintable(QStringLiteral("tree %1: %2").arg(t).arg(worst)));
        }
    }

    void treesWithoutCoverFallBackConsistently()
    {
        ModelSignature signature;
        signature.features = {
            {.name = "n", .kind = FeatureKind::Numeric, .categories = {}},
            {.name = "k", .kind = FeatureKind::Categorical, .categories = {"a", "b", "c", "d"}}};
        FeatureMatrix x{.rows = 0, .features = signature.features, .values = {}};
        Random random(4);
        for (int r = 0; r < 40; ++r) {
            x.values.insert(x.values.end(), {random.uniform(-1, 3), double(random.integer(0, 3))});
            ++x.rows;
        }
        // No covers at all: each child counts half. A root without cover: its children's covers.
        const Tree none = coverlessTree(0, 0);
        QCOMPARE(coverShare(none, none.nodes[0], 1), 0.5);
        QCOMPARE(expectedTreeValue(none), (1.0 - 2.0 + 0.5 + 3.0) / 4);
        const Tree rootless = coverlessTree(2, 0);
        QCOMPARE(coverShare(rootless, rootless.nodes[0], 2), 0.5);
        for (const Tree &tree : {none, rootless}) {
            QVERIFY(patternsVersusRecursion(tree, x) < 1e-6);
            const TreeEnsemble model(signature, {tree}, {0.0f}, OutputLink::Identity);
            verifyAdditivity(model, x);
            const auto shap = treeShap(model, x, 1);
            QVERIFY(shap);
            QCOMPARE(shap->bias(0, 0), expectedTreeValue(tree));
        }
    }
};

QTEST_GUILESS_MAIN(TestTreeShapTrained)
#include "test_tree_shap_trained.moc"
