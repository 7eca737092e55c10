// XGBoost JSON import: predictions equal xgboost's own on models trained by the oracle script
// (binary, multiclass, regression, missing values, feature names, parallel trees), and broken
// files give errors that name the key.
#include "common/random.h"
#include "model/xgboost_import.h"
#include "support/files.h"
#include "support/python_oracle.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <string>

using namespace assay;
using namespace assay::model;

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// Seeded rows of 5 features, about 15% missing, with a label of the given kind in column y.
struct Dataset {
    std::vector<std::string> names;
    std::size_t rows = 0;
    std::vector<double> x; // row-major
    std::vector<double> y;
};

Dataset makeDataset(const std::string &kind, std::uint64_t seed, std::size_t rows = 400)
{
    Dataset data;
    data.names = {"age", "income", "score", "tenure", "balance"};
    data.rows = rows;
    Random random(seed);
    for (std::size_t r = 0; r < rows; ++r) {
        double row[5];
        for (double &value : row) {
            value = random.normal(0, 1);
            if (random.chance(0.15))
                value = kMissing;
        }
        data.x.insert(data.x.end(), row, row + 5);
        const auto v = [&](int i) { return std::isnan(row[i]) ? 0.0 : row[i]; };
        const double signal = 1.5 * v(0) - v(1) + 0.5 * v(2) * v(3) + random.normal(0, 0.5);
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
    for (const auto &name : data.names)
        csv += name + ",";
    csv += "y\n";
    char buffer[40];
    for (std::size_t r = 0; r < data.rows; ++r) {
        for (std::size_t c = 0; c < data.names.size(); ++c) {
            const double value = data.x[r * data.names.size() + c];
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

FeatureMatrix matrixFor(const Model &model, const Dataset &data)
{
    FeatureMatrix matrix;
    matrix.rows = data.rows;
    matrix.features = model.signature().features;
    matrix.values = data.x;
    return matrix;
}

QJsonObject parseJson(const std::string &bytes)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(bytes)).object();
}

std::unique_ptr<TreeEnsemble> importOk(const QJsonObject &root)
{
    auto imported = importXgboostModel(root, "m.json");
    if (!imported)
        qFatal("%s", imported.error().message.c_str());
    return std::move(*imported);
}

// A two-tree binary:logistic model on features f0 and f1, small enough to check by hand.
const char *kSmallModel = R"({"learner": {"attributes": {}, "feature_names": [], "feature_types": [],
 "gradient_booster": {"model": {"gbtree_model_param": {"num_parallel_tree": "1", "num_trees": "2"},
   "tree_info": [0, 0],
   "trees": [
     {"base_weights": [0, 0, 0], "default_left": [1, 0, 0], "id": 0, "left_children": [1, -1, -1],
      "right_children": [2, -1, -1], "split_conditions": [0.5, -0.4, 0.6], "split_indices": [0, 0, 0],
      "split_type": [0, 0, 0], "sum_hessian": [10, 4, 6],
      "tree_param": {"num_deleted": "0", "num_feature": "2", "num_nodes": "3"}},
     {"base_weights": [0, 0, 0], "default_left": [0, 0, 0], "id": 1, "left_children": [1, -1, -1],
      "right_children": [2, -1, -1], "split_conditions": [1.0, 0.1, -0.2], "split_indices": [1, 0, 0],
      "split_type": [0, 0, 0], "sum_hessian": [10, 5, 5],
      "tree_param": {"num_deleted": "0", "num_feature": "2", "num_nodes": "3"}}]},
   "name": "gbtree"},
 "learner_model_param": {"base_score": "5E-1", "num_class": "0", "num_feature": "2", "num_target": "1"},
 "objective": {"name": "binary:logistic", "reg_loss_param": {"scale_pos_weight": "1"}}},
 "version": [1, 7, 4]})";

// Sets the value at `path` (object keys, or array indices written as numbers) inside `root`;
// an undefined value removes the key.
void setAt(QJsonObject &object, QStringList path, const QJsonValue &value);

void setAt(QJsonArray &array, QStringList path, const QJsonValue &value)
{
    const int index = path.takeFirst().toInt();
    if (path.isEmpty()) {
        array[index] = value;
        return;
    }
    QJsonValue child = array[index];
    if (child.isArray()) {
        auto inner = child.toArray();
        setAt(inner, path, value);
        array[index] = inner;
    } else {
        auto inner = child.toObject();
        setAt(inner, path, value);
        array[index] = inner;
    }
}

void setAt(QJsonObject &object, QStringList path, const QJsonValue &value)
{
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        if (value.isUndefined())
            object.remove(key);
        else
            object[key] = value;
        return;
    }
    QJsonValue child = object[key];
    if (child.isArray()) {
        auto inner = child.toArray();
        setAt(inner, path, value);
        object[key] = inner;
    } else {
        auto inner = child.toObject();
        setAt(inner, path, value);
        object[key] = inner;
    }
}

double sigmoid(double margin) { return 1 / (1 + std::exp(-margin)); }

} // namespace

class TestXgboostImport : public QObject {
    Q_OBJECT

private slots:
    void smallModelPredictsByHand()
    {
        const auto model = importOk(parseJson(kSmallModel));
        QCOMPARE(model->signature().task, Task::Binary);
        QCOMPARE(model->signature().classes, (std::vector<std::string>{"0", "1"}));
        QCOMPARE(model->signature().features.size(), std::size_t(2));
        QCOMPARE(model->signature().features[1].name, std::string("f1"));
        QCOMPARE(model->link(), OutputLink::Logistic);
        QCOMPARE(model->trees().size(), std::size_t(2));
        QCOMPARE(model->trees()[0].nodes[1].cover, 4.0);
        FeatureMatrix x;
        x.rows = 3;
        x.features = model->signature().features;
        // (0, 0): -0.4 + 0.1; both missing: default left then default right: -0.4 - 0.2;
        // (0.5, 2): 0.5 is not < 0.5, 2 is not < 1: 0.6 - 0.2.
        x.values = {0, 0, kMissing, kMissing, 0.5, 2};
        const auto predictions = model->predictions(x, 1);
        QVERIFY(std::abs(predictions[0] - sigmoid(-0.3)) < 1e-6);
        QVERIFY(std::abs(predictions[1] - sigmoid(-0.6)) < 1e-6);
        QVERIFY(std::abs(predictions[2] - sigmoid(0.4)) < 1e-6);
    }

    void predictionsEqualXgboost()
    {
        QTemporaryDir dir;
        const std::map<std::string, std::pair<std::string, std::uint64_t>> cases = {
            {"binary", {"binary", 1}},         {"multiclass", {"multiclass", 2}},
            {"regression", {"regression", 3}}, {"named", {"binary", 4}},
            {"softmax", {"multiclass", 5}},    {"parallel", {"regression", 6}}};
        std::map<std::string, Dataset> data;
        for (const auto &[name, kindAndSeed] : cases) {
            data[name] = makeDataset(kindAndSeed.first, kindAndSeed.second);
            testing::writeFile(testing::pathOf(dir) / (name + ".csv"), toCsv(data[name]));
        }
        const auto oracle = testing::runPythonOracle(QStringLiteral("xgboost_models.py"), {dir.path()}).object();
        QCOMPARE(oracle.size(), qsizetype(cases.size()));
        for (const auto &[name, dataset] : data) {
            const auto bytes = testing::slurp(testing::pathOf(dir) / (name + ".json"));
            const auto model = importOk(parseJson(bytes));
            const auto expected = oracle[QString::fromStdString(name)].toObject();
            const auto xgbPredictions = expected[QStringLiteral("predictions")].toArray();
            const auto ours = model->predictions(matrixFor(*model, dataset), 2);
            if (name == "softmax") {
                // xgboost predicts the label; we give the probabilities behind it.
                QCOMPARE(xgbPredictions.size(), qsizetype(dataset.rows));
                for (std::size_t r = 0; r < dataset.rows; ++r) {
                    const auto begin = ours.begin() + static_cast<std::ptrdiff_t>(r * 3);
                    const auto label = std::max_element(begin, begin + 3) - begin;
                    QCOMPARE(double(label), xgbPredictions[qsizetype(r)].toDouble());
                }
                continue;
            }
            QCOMPARE(qsizetype(ours.size()), xgbPredictions.size());
            QCOMPARE(model->signature().outputCount(),
                     std::size_t(expected[QStringLiteral("outputs")].toInt()));
            double worst = 0;
            for (std::size_t i = 0; i < ours.size(); ++i)
                worst = std::max(worst, std::abs(ours[i] - xgbPredictions[qsizetype(i)].toDouble()));
            if (worst > 1e-6)
                QFAIL(qPrintable(QStringLiteral("%1: largest difference from xgboost %2")
                                     .arg(QString::fromStdString(name))
                                     .arg(worst)));
        }
    }

    void signatureFollowsTheModel()
    {
        QTemporaryDir dir;
        testing::writeFile(testing::pathOf(dir) / "named.csv", toCsv(makeDataset("binary", 4)));
        testing::writeFile(testing::pathOf(dir) / "multiclass.csv",
                           toCsv(makeDataset("multiclass", 2)));
        testing::runPythonOracle(QStringLiteral("xgboost_models.py"), {dir.path()});
        const auto named = importOk(parseJson(testing::slurp(testing::pathOf(dir) / "named.json")));
        QCOMPARE(named->signature().features[0].name, std::string("age"));
        QCOMPARE(named->signature().features[4].name, std::string("balance"));
        const auto multi =
            importOk(parseJson(testing::slurp(testing::pathOf(dir) / "multiclass.json")));
        QCOMPARE(multi->signature().task, Task::Multiclass);
        QCOMPARE(multi->signature().classes, (std::vector<std::string>{"0", "1", "2"}));
        QCOMPARE(multi->signature().features[0].name, std::string("f0"));
        QCOMPARE(multi->link(), OutputLink::Softmax);
        QCOMPARE(multi->baseMargin().size(), std::size_t(3));
        QCOMPARE(multi->trees()[4].outputGroup, 1);
    }

    void unreachableNodesAreDropped()
    {
        // XGBoost keeps nodes it deleted while pruning in the arrays; nothing reaches them.
        auto root = parseJson(kSmallModel);
        const auto set = [&](const char *key, QJsonArray values) {
            setAt(root, {QStringLiteral("learner"), QStringLiteral("gradient_booster"),
                         QStringLiteral("model"), QStringLiteral("trees"), QStringLiteral("0"),
                         QString::fromUtf8(key)},
                  values);
        };
        set("left_children", {1, -1, -1, -1});
        set("right_children", {2, -1, -1, -1});
        set("split_conditions", {0.5, -0.4, 0.6, 9});
        set("split_indices", {0, 0, 0, 0});
        set("split_type", {0, 0, 0, 0});
        set("default_left", {1, 0, 0, 0});
        set("sum_hessian", {10, 4, 6, 0});
        const auto model = importOk(root);
        QCOMPARE(model->trees()[0].nodes.size(), std::size_t(3));
        auto reloaded = TreeEnsemble::fromJson(model->signature(), model->parametersToJson());
        QVERIFY(reloaded.ok());
    }

    void targetNameFromAttributes()
    {
        auto root = parseJson(kSmallModel);
        setAt(root, {QStringLiteral("learner"), QStringLiteral("attributes"), QStringLiteral("target")},
              QStringLiteral("churned"));
        QCOMPARE(importOk(root)->signature().target, std::string("churned"));
        QCOMPARE(importOk(parseJson(kSmallModel))->signature().target, std::string());
    }

    void brokenFilesNameTheKey()
    {
        struct Case {
            std::vector<const char *> path;
            QJsonValue value;
            std::string message;
        };
        const std::string trees = "m.json: learner.gradient_booster.model.trees";
        const auto text = [](const char *value) { return QJsonValue(QString::fromUtf8(value)); };
        const QJsonValue removed(QJsonValue::Undefined);
        const std::vector<Case> cases = {
            {{"learner", "gradient_booster", "model", "trees", "1", "split_indices"}, removed,
             trees + "[1].split_indices: missing"},
            {{"learner", "gradient_booster", "model", "trees", "1", "split_indices"}, text("x"),
             trees + "[1].split_indices: expected an array"},
            {{"learner", "gradient_booster", "model", "trees", "0", "split_conditions", "1"},
             text("x"), trees + "[0].split_conditions[1]: expected a number"},
            {{"learner", "gradient_booster", "model", "trees", "0", "sum_hessian"},
             QJsonArray{1, 2}, trees + "[0].sum_hessian: expected 3 entries (one per node), found 2"},
            {{"learner", "gradient_booster", "model", "trees", "0", "left_children", "0"}, 7,
             trees + "[0].left_children[0]: child index 7 is outside"},
            {{"learner", "gradient_booster", "model", "trees", "0", "right_children", "0"}, 1,
             trees + "[0].right_children[0]: node 1 is reached twice"},
            {{"learner", "gradient_booster", "model", "trees", "1", "split_indices", "0"}, 2,
             trees + "[1].split_indices[0]: feature 2 is outside"},
            {{"learner", "gradient_booster", "model", "trees", "1"}, 3,
             trees + "[1]: expected an object"},
            {{"learner", "gradient_booster", "model", "gbtree_model_param", "num_trees"}, text("3"),
             trees + ": expected 3 trees (gbtree_model_param.num_trees), found 2"},
            {{"learner", "gradient_booster", "model", "tree_info", "1"}, 1,
             "m.json: learner.gradient_booster.model.tree_info[1]: output group 1"},
            {{"learner", "gradient_booster", "model", "trees", "0", "split_type", "0"}, 1,
             trees + "[0].split_type[0]: categorical splits are not supported"},
            {{"learner", "feature_types"}, QJsonArray{text("q"), text("c")},
             "m.json: learner.feature_types[1]: categorical features"},
            {{"learner", "feature_names"}, QJsonArray{text("a")},
             "m.json: learner.feature_names: expected 2 names"},
            {{"learner", "objective", "name"}, text("rank:pairwise"),
             "m.json: learner.objective.name: objective 'rank:pairwise' is not supported"},
            {{"learner", "gradient_booster", "name"}, text("gblinear"),
             "m.json: learner.gradient_booster.name: a linear booster (gblinear)"},
            {{"learner", "gradient_booster", "name"}, text("dart"),
             "m.json: learner.gradient_booster.name: dart models scale each tree"},
            {{"learner", "learner_model_param", "base_score"}, text("abc"),
             "m.json: learner.learner_model_param.base_score: 'abc' is not a number"},
            {{"learner", "learner_model_param", "base_score"}, text("1.5"),
             "m.json: learner.learner_model_param.base_score: must be in (0, 1)"},
            {{"learner", "learner_model_param", "num_target"}, text("2"),
             "m.json: learner.learner_model_param.num_target: multi-target"},
            {{"learner"}, removed, "m.json: learner: missing"},
        };
        for (const auto &c : cases) {
            auto root = parseJson(kSmallModel);
            QStringList path;
            for (const char *key : c.path)
                path.append(QString::fromUtf8(key));
            setAt(root, path, c.value);
            const auto imported = importXgboostModel(root, "m.json");
            if (imported.ok())
                QFAIL(("imported despite: " + c.message).c_str());
            QCOMPARE(imported.error().kind, ErrorKind::InvalidInput);
            if (!imported.error().message.starts_with(c.message))
                QFAIL(("expected: " + c.message + "\ngot:      " + imported.error().message).c_str());
        }
    }

    void multiclassNeedsClassCount()
    {
        auto root = parseJson(kSmallModel);
        setAt(root, {QStringLiteral("learner"), QStringLiteral("objective"), QStringLiteral("name")},
              QStringLiteral("multi:softprob"));
        const auto imported = importXgboostModel(root, "m.json");
        QVERIFY(!imported.ok());
        QVERIFY(QString::fromStdString(imported.error().message)
                    .startsWith(QStringLiteral("m.json: learner.learner_model_param.num_class: "
                                               "expected a whole number of classes >= 2")));
    }

    void isXgboostModelTellsDocumentsApart()
    {
        QVERIFY(isXgboostModel(parseJson(kSmallModel)));
        QVERIFY(!isXgboostModel(parseJson(R"({"format": "assay-model", "version": 1})")));
    }
};

QTEST_GUILESS_MAIN(TestXgboostImport)
#include "test_xgboost_import.moc"
