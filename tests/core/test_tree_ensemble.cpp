#include "model/tree_ensemble.h"
#include "support/tree_nodes.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace assay::model;
using assay::testing::leafNode;
using assay::testing::splitNode;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ModelSignature signatureOf(Task task, std::size_t classes = 0)
{
    ModelSignature signature{.task = task, .target = "outcome", .classes = {}, .features = {}};
    for (std::size_t i = 0; i < classes; ++i)
        signature.classes.push_back(QByteArray::number(qulonglong(i)).toStdString());
    signature.features = {{"age", FeatureKind::Numeric, {}},
                          {"region", FeatureKind::Categorical, {"east", "north", "west"}}};
    return signature;
}

// age < 30 → (region == north ? 1 : 2), else 3; missing age goes right, missing region left.
Tree sampleTree(std::int32_t group = 0)
{
    Tree tree;
    tree.outputGroup = group;
    tree.nodes = {splitNode(0, 30.0f, 1, 2, false), splitNode(1, 1.0f, 3, 4, true, true), leafNode(3.0f), leafNode(1.0f),
                  leafNode(2.0f)};
    return tree;
}

FeatureMatrix matrixOf(const ModelSignature &signature, std::vector<double> values)
{
    FeatureMatrix x;
    x.features = signature.features;
    x.rows = values.size() / x.features.size();
    x.values = std::move(values);
    return x;
}

} // namespace

class TestTreeEnsemble : public QObject {
    Q_OBJECT

private slots:
    void numericCategoricalAndMissingSplits()
    {
        const auto signature = signatureOf(Task::Regression);
        const TreeEnsemble model(signature, {sampleTree()}, {0.5f}, OutputLink::Identity);
        const auto x = matrixOf(signature, {25, 1,  25, 0,  30, 1,  kNaN, 1,  25, kNaN,
                                            29.999999, 2});
        const auto predictions = model.predictions(x);
        const std::vector<double> expected{1.5, 2.5, 3.5, 3.5, 1.5, 2.5};
        QCOMPARE(predictions, expected);
    }

    void thresholdComparesInFloat()
    {
        // 30 - 1e-7 rounds to 30.0f, so it is not below the threshold, as in XGBoost.
        const auto signature = signatureOf(Task::Regression);
        const TreeEnsemble model(signature, {sampleTree()}, {0.0f}, OutputLink::Identity);
        QCOMPARE(model.predictions(matrixOf(signature, {30 - 1e-7, 1})).front(), 3.0);
    }

    void logisticAndSoftmaxLinks()
    {
        const auto binary = signatureOf(Task::Binary, 2);
        const TreeEnsemble logistic(binary, {sampleTree()}, {-1.0f}, OutputLink::Logistic);
        const double p = logistic.predictions(matrixOf(binary, {25, 1})).front();
        QVERIFY(std::abs(p - 1.0 / (1.0 + std::exp(0.0))) < 1e-7);
        std::vector<double> margin(1);
        logistic.predictMargin(matrixOf(binary, {25, 1}), margin);
        QCOMPARE(margin.front(), 0.0);

        const auto multiclass = signatureOf(Task::Multiclass, 3);
        const TreeEnsemble softmax(multiclass, {sampleTree(0), sampleTree(2)}, {0, 0, 0},
                                   OutputLink::Softmax);
        const auto probabilities = softmax.predictions(matrixOf(multiclass, {40, 0}));
        QCOMPARE(probabilities.size(), std::size_t(3));
        const double total = probabilities[0] + probabilities[1] + probabilities[2];
        QVERIFY(std::abs(total - 1.0) < 1e-6);
        QVERIFY(std::abs(probabilities[0] - probabilities[2]) < 1e-7);
        QVERIFY(probabilities[0] > probabilities[1]);
    }

    void sameResultOnOneOrManyThreads()
    {
        const auto signature = signatureOf(Task::Regression);
        std::vector<Tree> trees;
        for (int i = 0; i < 50; ++i)
            trees.push_back(sampleTree());
        const TreeEnsemble model(signature, trees, {0.1f}, OutputLink::Identity);
        std::vector<double> values;
        for (int row = 0; row < 1000; ++row) {
            values.push_back(row % 60);
            values.push_back(row % 3);
        }
        const auto x = matrixOf(signature, values);
        QCOMPARE(model.predictions(x, 1), model.predictions(x, 4));
    }

    void jsonRoundTripIsExact()
    {
        const auto signature = signatureOf(Task::Multiclass, 3);
        Tree tree = sampleTree(1);
        tree.nodes[2].leafValue = 0.1f;
        tree.nodes[0].cover = 12.5;
        const TreeEnsemble model(signature, {tree, sampleTree(2)}, {0.25f, -0.5f, 1e-8f},
                                 OutputLink::Softmax);
        auto read = TreeEnsemble::fromJson(signature, model.parametersToJson());
        QVERIFY2(read, read ? "" : read.error().message.c_str());
        QCOMPARE((*read)->parametersToJson(), model.parametersToJson());
        QCOMPARE((*read)->trees()[0].nodes[2].leafValue, 0.1f);
        QCOMPARE((*read)->baseMargin()[2], 1e-8f);
    }

    void malformedTreesNameTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("short array") << "value" << QJsonValue(QJsonArray{1, 2})
                                     << "model.trees[0].value: expected 5 values, found 2";
        QTest::newRow("not an array") << "left" << QJsonValue(3) << "model.trees[0].left: expected an array";
        QTest::newRow("cycle") << "left" << QJsonValue(QJsonArray{1, 0, -1, -1, -1})
                               << "model.trees[0]: node children do not form a tree (child 0)";
        QTest::newRow("feature") << "feature" << QJsonValue(QJsonArray{7, 1, -1, -1, -1})
                                 << "model.trees[0].feature[0]: no feature with index 7";
        QTest::newRow("group") << "group" << QJsonValue(4) << "model.trees[0].group: expected an output index below 1";
    }

    void malformedTreesNameTheKey()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, message);
        const auto signature = signatureOf(Task::Regression);
        const TreeEnsemble model(signature, {sampleTree()}, {0}, OutputLink::Identity);
        QJsonObject parameters = model.parametersToJson();
        QJsonArray trees = parameters.value(QStringLiteral("trees")).toArray();
        QJsonObject tree = trees[0].toObject();
        tree.insert(key, value);
        trees[0] = tree;
        parameters.insert(QStringLiteral("trees"), trees);
        const auto read = TreeEnsemble::fromJson(signature, parameters);
        QVERIFY(!read);
        QCOMPARE(QString::fromStdString(read.error().message), message);
    }
};

QTEST_GUILESS_MAIN(TestTreeEnsemble)
#include "test_tree_ensemble.moc"
