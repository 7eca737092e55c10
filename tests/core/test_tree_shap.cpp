// Exact TreeSHAP: contributions equal xgboost's predict(pred_contribs=True) on models trained by
// the oracle script (binary, multiclass, regression, missing values, depth 1 to 10, up to 300
// trees), add up to the margin on every row, agree between the pattern tables and the
// recursion, and do not depend on the thread count.
#include "explain/tree_shap.h"
#include "support/files.h"
#include "support/python_oracle.h"
#include "support/xgboost_models.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <string>

using namespace assay;
using namespace assay::model;
using namespace assay::explain;
using testing::ShapDataset;

namespace {

ShapValues shapOk(const TreeEnsemble &model, const FeatureMatrix &x, unsigned threads)
{
    auto shap = treeShap(model, x, threads);
    if (!shap)
        qFatal("%s", shap.error().message.c_str());
    return std::move(*shap);
}

// Every row's contributions plus its bias equal its margin summed in double within 1e-5, and
// predictMargin (summed in float, as XGBoost does) within float rounding of the margin.
void verifyAdditivity(const TreeEnsemble &model, const FeatureMatrix &x, const ShapValues &shap)
{
    std::vector<double> floatMargins(x.rows * shap.outputs);
    model.predictMargin(x, floatMargins, 1);
    for (std::size_t r = 0; r < x.rows; ++r) {
        std::vector<double> margins(model.baseMargin().begin(), model.baseMargin().end());
        for (const auto &tree : model.trees())
            margins[tree.outputGroup] += tree.nodes[tree.leafIndex(x.row(r))].leafValue;
        for (std::size_t g = 0; g < shap.outputs; ++g) {
            double total = 0;
            for (double value : shap.of(r, g))
                total += value;
            const double floatMargin = floatMargins[r * shap.outputs + g];
            if (std::abs(total - margins[g]) > 1e-5 ||
                std::abs(total - floatMargin) > 1e-5 * std::max(1.0, std::abs(floatMargin)))
                QFAIL(qPrintable(QStringLiteral("row %1 output %2: sum %3, margin %4, float %5")
                                     .arg(r)
                                     .arg(g)
                                     .arg(total, 0, 'g', 10)
                                     .arg(margins[g], 0, 'g', 10)
                                     .arg(floatMargin, 0, 'g', 10)));
        }
    }
}

// Trains the oracle's model on a fresh dataset named `name` and reads it back.
std::shared_ptr<const TreeEnsemble> trainedModel(const QTemporaryDir &dir, const std::string &name,
                                                 const ShapDataset &data)
{
    testing::writeFile(testing::pathOf(dir) / (name + ".csv"), testing::shapCsv(data));
    testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()});
    return testing::loadEnsemble(testing::pathOf(dir) / (name + ".json"));
}

} // namespace

class TestTreeShap : public QObject {
    Q_OBJECT

private slots:
    void contributionsEqualXgboost()
    {
        QTemporaryDir dir;
        struct Case {
            std::string kind;
            int depth;
            int rounds;
        };
        const std::vector<Case> cases = {
            {"binary", 1, 20},     {"binary", 4, 60},      {"binary", 6, 100},
            {"binary", 8, 300},    {"binary", 10, 200},    {"multiclass", 2, 15},
            {"multiclass", 5, 30}, {"multiclass", 7, 100}, {"regression", 3, 40},
            {"regression", 6, 80}, {"regression", 9, 250},
        };
        std::map<std::string, ShapDataset> datasets;
        std::uint64_t seed = 11;
        for (const auto &c : cases) {
            const std::string name =
                c.kind + "_d" + std::to_string(c.depth) + "_r" + std::to_string(c.rounds);
            datasets[name] = testing::makeShapDataset(c.kind, seed++, 300);
            testing::writeFile(testing::pathOf(dir) / (name + ".csv"),
                               testing::shapCsv(datasets[name]));
        }
        const QJsonObject expected =
            testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()}).object();
        QCOMPARE(std::size_t(expected.size()), cases.size());

        for (const auto &[name, data] : datasets) {
            const QJsonObject reference = expected[QString::fromStdString(name)].toObject();
            const auto model = testing::loadEnsemble(testing::pathOf(dir) / (name + ".json"));
            const FeatureMatrix x = testing::matrixFor(*model, data);
            const ShapValues shap = shapOk(*model, x, 2);
            QCOMPARE(shap.outputs, std::size_t(reference[QStringLiteral("outputs")].toInt()));
            QCOMPARE(shap.features, std::size_t(reference[QStringLiteral("features")].toInt()));
            const QJsonArray contribs = reference[QStringLiteral("contribs")].toArray();
            QCOMPARE(std::size_t(contribs.size()), shap.values.size());
            double worst = 0;
            for (std::size_t i = 0; i < shap.values.size(); ++i)
                worst = std::max(worst, std::abs(shap.values[i] - contribs[int(i)].toDouble()));
            if (worst > 1e-4)
                QFAIL(qPrintable(QStringLiteral("%1: largest difference from xgboost %2")
                                     .arg(QString::fromStdString(name))
                                     .arg(worst)));
            verifyAdditivity(*model, x, shap);
        }
    }

    // A single row is explained by the recursion (building pattern tables does not pay off for
    // it), a block of rows by the tables: the two algorithms agree.
    void patternsAgreeWithTheRecursion()
    {
        QTemporaryDir dir;
        const ShapDataset data = testing::makeShapDataset("multiclass", 21, 400);
        const auto model = trainedModel(dir, "multiclass_d6_r40", data);
        const FeatureMatrix x = testing::matrixFor(*model, data);
        const ShapValues block = shapOk(*model, x, 2);
        double worst = 0;
        for (std::size_t r = 0; r < x.rows; r += 7) {
            const std::size_t index[] = {r};
            const ShapValues single = shapOk(*model, x.subset(index), 1);
            for (std::size_t g = 0; g < block.outputs; ++g)
                for (std::size_t f = 0; f < block.width(); ++f)
                    worst = std::max(worst, std::abs(single.of(0, g)[f] - block.of(r, g)[f]));
        }
        QVERIFY2(worst < 1e-6, qPrintable(QString::number(worst)));
    }

    void sameValuesWhateverTheThreadCount()
    {
        QTemporaryDir dir;
        const ShapDataset data = testing::makeShapDataset("multiclass", 5, 1500);
        const auto model = trainedModel(dir, "multiclass_d4_r10", data);
        const FeatureMatrix x = testing::matrixFor(*model, data);
        const ShapValues one = shapOk(*model, x, 1);
        const ShapValues three = shapOk(*model, x, 3);
        QVERIFY(one.values == three.values);
        verifyAdditivity(*model, x, one);
    }

    void wrongColumnCountIsAnError()
    {
        QTemporaryDir dir;
        const ShapDataset data = testing::makeShapDataset("regression", 3, 50);
        const auto model = trainedModel(dir, "regression_d2_r3", data);
        FeatureMatrix x = testing::matrixFor(*model, data);
        x.features.pop_back();
        const auto shap = treeShap(*model, x, 1);
        QVERIFY(!shap);
        QCOMPARE(shap.error().kind, ErrorKind::InvalidInput);
        QVERIFY(shap.error().message.find("5 columns") != std::string::npos);
    }

    void cancelledWhenAsked()
    {
        QTemporaryDir dir;
        const ShapDataset data = testing::makeShapDataset("binary", 4, 50);
        const auto model = trainedModel(dir, "binary_d2_r3", data);
        CancellationToken token;
        token.cancel();
        const auto shap =
            treeShap(*model, testing::matrixFor(*model, data), 1, Progress({}, token));
        QVERIFY(!shap);
        QCOMPARE(shap.error().kind, ErrorKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTreeShap)
#include "test_tree_shap.moc"
