// SHAP interaction values equal xgboost's predict(pred_interactions=True) on binary, multiclass
// and regression models with missing values (depth 1 to 10, up to 200 trees); each row of a
// matrix sums to that feature's SHAP value; the thread count changes nothing.
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

// Rows explained per case: the interactions cost about 2·features times the contributions,
// and the suite also runs under the sanitizers.
constexpr std::size_t kExplainedRows = 50;

ShapInteractions interactionsOk(const TreeEnsemble &model, const FeatureMatrix &x, unsigned threads)
{
    auto interactions = treeShapInteractions(model, x, threads);
    if (!interactions)
        qFatal("%s", interactions.error().message.c_str());
    return std::move(*interactions);
}

// Each row of every matrix sums to the feature's SHAP value, the last one to the bias.
void verifyRowsSumToShap(const ShapInteractions &interactions, const ShapValues &shap)
{
    const std::size_t width = interactions.width();
    for (std::size_t r = 0; r < interactions.rows; ++r)
        for (std::size_t g = 0; g < interactions.outputs; ++g)
            for (std::size_t i = 0; i < width; ++i) {
                double total = 0;
                for (std::size_t j = 0; j < width; ++j)
                    total += interactions.of(r, g)[i * width + j];
                if (std::abs(total - shap.of(r, g)[i]) > 1e-6)
                    QFAIL(qPrintable(QStringLiteral("row %1 output %2 feature %3: %4, SHAP %5")
                                         .arg(r)
                                         .arg(g)
                                         .arg(i)
                                         .arg(total)
                                         .arg(shap.of(r, g)[i])));
            }
}

} // namespace

class TestTreeShapInteractions : public QObject {
    Q_OBJECT

private slots:
    void interactionsEqualXgboost()
    {
        QTemporaryDir dir;
        const std::vector<std::string> names = {
            "binary_d1_r20_e50_i",       "binary_d4_r60_e50_i",     "binary_d8_r200_e50_i",
            "multiclass_d3_r20_e50_i",   "multiclass_d6_r40_e50_i", "regression_d5_r50_e50_i",
            "regression_d10_r100_e50_i",
        };
        std::map<std::string, ShapDataset> datasets;
        std::uint64_t seed = 31;
        for (const auto &name : names) {
            datasets[name] = testing::makeShapDataset(name.substr(0, name.find('_')), seed++, 300);
            testing::writeFile(testing::pathOf(dir) / (name + ".csv"),
                               testing::shapCsv(datasets[name]));
        }
        const QJsonObject expected =
            testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()}).object();
        QCOMPARE(std::size_t(expected.size()), names.size());

        for (const auto &[name, data] : datasets) {
            const QJsonObject reference = expected[QString::fromStdString(name)].toObject();
            const auto model = testing::loadEnsemble(testing::pathOf(dir) / (name + ".json"));
            const FeatureMatrix x = testing::matrixFor(*model, data, kExplainedRows);
            const ShapInteractions interactions = interactionsOk(*model, x, 2);
            QCOMPARE(interactions.rows, kExplainedRows);
            QCOMPARE(interactions.outputs,
                     std::size_t(reference[QStringLiteral("outputs")].toInt()));
            const QJsonArray values = reference[QStringLiteral("interactions")].toArray();
            QCOMPARE(std::size_t(values.size()), interactions.values.size());
            double worst = 0;
            for (std::size_t i = 0; i < interactions.values.size(); ++i)
                worst =
                    std::max(worst, std::abs(interactions.values[i] - values[int(i)].toDouble()));
            if (worst > 1e-4)
                QFAIL(qPrintable(QStringLiteral("%1: largest difference from xgboost %2")
                                     .arg(QString::fromStdString(name))
                                     .arg(worst)));
            auto shap = treeShap(*model, x, 1);
            QVERIFY(shap);
            verifyRowsSumToShap(interactions, *shap);
        }
    }

    void sameValuesWhateverTheThreadCount()
    {
        QTemporaryDir dir;
        const ShapDataset data = testing::makeShapDataset("multiclass", 8, 200);
        testing::writeFile(testing::pathOf(dir) / "multiclass_d4_r10.csv", testing::shapCsv(data));
        testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()});
        const auto model = testing::loadEnsemble(testing::pathOf(dir) / "multiclass_d4_r10.json");
        const FeatureMatrix x = testing::matrixFor(*model, data);
        QVERIFY(interactionsOk(*model, x, 1).values == interactionsOk(*model, x, 3).values);
    }

    void wrongColumnCountIsAnError()
    {
        QTemporaryDir dir;
        const ShapDataset data = testing::makeShapDataset("regression", 3, 50);
        testing::writeFile(testing::pathOf(dir) / "regression_d2_r3.csv", testing::shapCsv(data));
        testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()});
        const auto model = testing::loadEnsemble(testing::pathOf(dir) / "regression_d2_r3.json");
        FeatureMatrix x = testing::matrixFor(*model, data);
        x.features.pop_back();
        const auto interactions = treeShapInteractions(*model, x, 1);
        QVERIFY(!interactions);
        QCOMPARE(interactions.error().kind, ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestTreeShapInteractions)
#include "test_tree_shap_interactions.moc"
