// No rows to explain: the per-row explainers (the three TreeSHAP variants, KernelSHAP, LIME)
// return an empty result without calling the model on them; the global ones (permutation
// importance, partial dependence) need rows and say so.
#include "explain/background.h"
#include "explain/kernel_shap.h"
#include "explain/lime.h"
#include "explain/partial_dependence.h"
#include "explain/permutation_importance.h"
#include "explain/tree_shap.h"
#include "support/explain_models.h"
#include "support/function_predictor.h"

#include <QTest>

using namespace assay;
using namespace assay::model;
using namespace assay::explain;

class TestExplainNoRows : public QObject {
    Q_OBJECT

private slots:
    void treeShapVariantsGiveEmptyResults()
    {
        const auto model = testing::interactingTrees();
        const auto features = model->signature().features;
        const FeatureMatrix none = testing::randomMatrix(features, 0, 1);
        const auto shap = treeShap(*model, none, 2);
        QVERIFY(shap);
        QCOMPARE(shap->rows, std::size_t(0));
        QVERIFY(shap->values.empty());
        const auto interactions = treeShapInteractions(*model, none, 2);
        QVERIFY(interactions);
        QVERIFY(interactions->values.empty());
        const Background background = uniformBackground(testing::randomMatrix(features, 5, 2));
        const auto interventional = interventionalTreeShap(*model, none, background, 2);
        QVERIFY(interventional);
        QVERIFY(interventional->values.empty());
    }

    void kernelShapAndLimeGiveEmptyResults()
    {
        const auto features = testing::numericFeatures(3);
        const FeatureMatrix none = testing::randomMatrix(features, 0, 3);
        testing::FunctionPredictor predictor(
            1,
            [](std::span<const double> row, std::span<double> out) { out[0] = row[0] * row[1]; });
        const auto shap = kernelShap(
            predictor, uniformBackground(testing::randomMatrix(features, 4, 4)), none, {});
        QVERIFY(shap);
        QCOMPARE(shap->rows, std::size_t(0));
        QVERIFY(shap->values.empty());
        const std::size_t callsBefore = predictor.calls;
        const auto lime = explainLime(predictor, testing::randomMatrix(features, 50, 5), none, {});
        QVERIFY(lime);
        QVERIFY(lime->empty());
        QCOMPARE(predictor.calls, callsBefore);
    }

    void globalExplainersNeedRows()
    {
        const auto features = testing::numericFeatures(3);
        const FeatureMatrix none = testing::randomMatrix(features, 0, 6);
        testing::FunctionPredictor predictor(
            1, [](std::span<const double> row, std::span<double> out) { out[0] = row[0]; });
        const auto importance = permutationImportance(predictor, Task::Regression, 0, none, {}, {});
        QVERIFY(!importance);
        QCOMPARE(importance.error().kind, ErrorKind::InvalidInput);
        QVERIFY(importance.error().message.find("no rows") != std::string::npos);
        QCOMPARE(predictor.calls, std::size_t(0));
        const auto dependence = partialDependence(predictor, none, 0, {});
        QVERIFY(!dependence);
        QCOMPARE(dependence.error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestExplainNoRows)
#include "test_explain_no_rows.moc"
