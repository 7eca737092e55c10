// Exact TreeSHAP: contributions equal xgboost's predict(pred_contribs=True) on models trained by
// the oracle script (binary, multiclass, regression, missing values, depth 1 to 6), add up to
// the margin on every row, and do not depend on the thread count.
#include "common/random.h"
#include "explain/tree_shap.h"
#include "model/model_document.h"
#include "support/files.h"
#include "support/python_oracle.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <string>

using namespace assay;
using namespace assay::model;
using namespace assay::explain;

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kColumns = 6;

// Seeded rows of 6 features, about 15% missing, with a label of the given kind in column y.
struct Dataset {
    std::size_t rows = 0;
    std::vector<double> x; // row-major
    std::vector<double> y;
};

Dataset makeDataset(const std::string &kind, std::uint64_t seed, std::size_t rows)
{
    Dataset data;
    data.rows = rows;
    Random random(seed);
    for (std::size_t r = 0; r < rows; ++r) {
        double row[kColumns];
        for (double &value : row) {
            value = random.normal(0, 1);
            if (random.chance(0.15))
                value = kMissing;
        }
        // A few repeated values, so splits land exactly on row values.
        row[5] = std::isnan(row[5]) ? row[5] : std::round(row[5] * 2);
        data.x.insert(data.x.end(), row, row + kColumns);
        const auto v = [&](int i) { return std::isnan(row[i]) ? 0.3 : row[i]; };
        const double signal =
            1.5 * v(0) - v(1) + 0.8 * v(2) * v(3) + 0.5 * v(4) * v(0) - 0.3 * v(5) +
            random.normal(0, 0.5);
        if (kind == "binary")
            data.y.push_back(signal > 0.2 ? 1 : 0);
        else if (kind == "multiclass")
            data.y.push_back(signal < -0.7 ? 0 : signal < 0.7 ? 1 : 2);
        else
            data.y.push_back(signal * 3 + 10);
    }
    return data;
}

std::string toCsv(const Dataset &data)
{
    std::string csv;
    for (std::size_t c = 0; c < kColumns; ++c)
        csv += "f" + std::to_string(c) + ",";
    csv += "y\n";
    char buffer[40];
    for (std::size_t r = 0; r < data.rows; ++r) {
        for (std::size_t c = 0; c < kColumns; ++c) {
            const double value = data.x[r * kColumns + c];
            if (!std::isnan(value)) {
                std::snprintf(buffer, sizeof buffer, "%.17g", value);
                csv += buffer;
            }
            csv += ",";
        }
        std::snprintf(buffer, sizeof buffer, "%.17g", data.y[r]);
        csv += std::string(buffer) + "\n";
    }
    return csv;
}

std::shared_ptr<const TreeEnsemble> loadEnsemble(const std::filesystem::path &path)
{
    auto loaded = loadModel(testing::slurp(path), path.filename().string());
    if (!loaded)
        qFatal("%s", loaded.error().message.c_str());
    auto ensemble = std::dynamic_pointer_cast<const TreeEnsemble>(loaded->model);
    if (!ensemble)
        qFatal("%s is not a tree ensemble", path.string().c_str());
    return ensemble;
}

FeatureMatrix matrixFor(const Model &model, const Dataset &data)
{
    FeatureMatrix matrix;
    matrix.rows = data.rows;
    matrix.features = model.signature().features;
    matrix.values = data.x;
    return matrix;
}

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
                                     .arg(r).arg(g).arg(total, 0, 'g', 10)
                                     .arg(margins[g], 0, 'g', 10).arg(floatMargin, 0, 'g', 10)));
        }
    }
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
            {"binary", 1, 20},     {"binary", 4, 60},     {"binary", 6, 100},
            {"multiclass", 2, 15}, {"multiclass", 5, 30}, {"regression", 3, 40},
            {"regression", 6, 80},
        };
        std::map<std::string, Dataset> datasets;
        std::uint64_t seed = 11;
        for (const auto &c : cases) {
            const std::string name = c.kind + "_d" + std::to_string(c.depth) + "_r" +
                                     std::to_string(c.rounds);
            datasets[name] = makeDataset(c.kind, seed++, 300);
            testing::writeFile(testing::pathOf(dir) / (name + ".csv"), toCsv(datasets[name]));
        }
        const QJsonObject expected =
            testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()}).object();
        QCOMPARE(std::size_t(expected.size()), cases.size());

        for (const auto &[name, data] : datasets) {
            const QJsonObject reference = expected[QString::fromStdString(name)].toObject();
            const auto model = loadEnsemble(testing::pathOf(dir) / (name + ".json"));
            const FeatureMatrix x = matrixFor(*model, data);
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
                                     .arg(QString::fromStdString(name)).arg(worst)));
            verifyAdditivity(*model, x, shap);
        }
    }

    void sameValuesWhateverTheThreadCount()
    {
        QTemporaryDir dir;
        const Dataset data = makeDataset("multiclass", 5, 700);
        testing::writeFile(testing::pathOf(dir) / "multiclass_d4_r10.csv", toCsv(data));
        testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()});
        const auto model = loadEnsemble(testing::pathOf(dir) / "multiclass_d4_r10.json");
        const FeatureMatrix x = matrixFor(*model, data);
        const ShapValues one = shapOk(*model, x, 1);
        const ShapValues three = shapOk(*model, x, 3);
        QVERIFY(one.values == three.values);
        verifyAdditivity(*model, x, one);
    }

    void wrongColumnCountIsAnError()
    {
        QTemporaryDir dir;
        const Dataset data = makeDataset("regression", 3, 50);
        testing::writeFile(testing::pathOf(dir) / "regression_d2_r3.csv", toCsv(data));
        testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()});
        const auto model = loadEnsemble(testing::pathOf(dir) / "regression_d2_r3.json");
        FeatureMatrix x = matrixFor(*model, data);
        x.features.pop_back();
        const auto shap = treeShap(*model, x, 1);
        QVERIFY(!shap);
        QCOMPARE(shap.error().kind, ErrorKind::InvalidInput);
    }

    void cancelledWhenAsked()
    {
        QTemporaryDir dir;
        const Dataset data = makeDataset("binary", 4, 50);
        testing::writeFile(testing::pathOf(dir) / "binary_d2_r3.csv", toCsv(data));
        testing::runPythonOracle(QStringLiteral("xgboost_shap.py"), {dir.path()});
        const auto model = loadEnsemble(testing::pathOf(dir) / "binary_d2_r3.json");
        CancellationToken token;
        token.cancel();
        const auto shap = treeShap(*model, matrixFor(*model, data), 1, Progress({}, token));
        QVERIFY(!shap);
        QCOMPARE(shap.error().kind, ErrorKind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestTreeShap)
#include "test_tree_shap.moc"
