#include "common/random.h"
#include "model/model_checks.h"
#include "model/model_test_json.h"
#include "model/model_test_spec.h"
#include "model/tree_ensemble.h"
#include "support/files.h"
#include "table/reader.h"
#include "support/tree_nodes.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace assay;
using namespace assay::model;
using assay::testing::leafNode;
using assay::testing::splitNode;

namespace {

constexpr std::size_t kRows = 200;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Rows i: x uniform in [0, 1] (row 1 holds 0, row 2 holds 1), income ~ N(50, 10), region
// cycling east, north, west, and a label that x >= 0.5 predicts on north rows and gets wrong
// everywhere else.
table::Table sampleData()
{
    Random random(7);
    std::string csv = "x,income,region,label\n";
    for (std::size_t i = 0; i < kRows; ++i) {
        const double x = i == 0 ? 0.0 : i == 1 ? 1.0 : std::round(random.uniform() * 1000) / 1000;
        const double income = std::round(random.normal(50, 10) * 100) / 100;
        const char *region = i % 3 == 0 ? "east" : i % 3 == 1 ? "north" : "west";
        const bool high = x >= 0.5;
        const int label = i % 3 == 1 ? high : !high;
        csv += QByteArray::number(x, 'g', 17).toStdString() + "," +
               QByteArray::number(income, 'g', 17).toStdString() + "," + region + "," +
               std::to_string(label) + "\n";
    }
    auto outcome = table::readTableFromBuffer(csv, "data.csv");
    if (!outcome)
        qFatal("%s", outcome.error().message.c_str());
    return std::move(outcome->table);
}

ModelSignature signatureOf(Task task)
{
    ModelSignature signature;
    signature.task = task;
    signature.target = "label";
    if (task == Task::Binary)
        signature.classes = {"0", "1"};
    signature.features = {{"x", FeatureKind::Numeric, {}},
                          {"income", FeatureKind::Numeric, {}},
                          {"region", FeatureKind::Categorical, {"east", "north", "west"}}};
    return signature;
}

// One tree over feature 0 (x): `values[k]` for x in [thresholds[k-1], thresholds[k]).
Tree steps(std::int32_t feature, std::vector<float> thresholds, std::vector<float> values)
{
    Tree tree;
    // A right-leaning chain: node 2k splits at thresholds[k], its left child is a leaf.
    for (std::size_t k = 0; k < thresholds.size(); ++k) {
        const auto at = static_cast<std::int32_t>(tree.nodes.size());
        tree.nodes.push_back(splitNode(feature, thresholds[k], at + 1, at + 2));
        tree.nodes.push_back(leafNode(values[k]));
    }
    tree.nodes.push_back(leafNode(values.back()));
    return tree;
}

std::shared_ptr<TreeEnsemble> treeModel(Tree tree, Task task = Task::Binary)
{
    return std::make_shared<TreeEnsemble>(signatureOf(task), std::vector<Tree>{std::move(tree)},
                                          std::vector<float>{0.0f}, OutputLink::Identity);
}

// 0.8 from x >= 0.5 on, else 0.2: right on north rows, increasing in x.
std::shared_ptr<TreeEnsemble> thresholdModel()
{
    return treeModel(steps(0, {0.5f}, {0.2f, 0.8f}));
}
// The opposite model: right everywhere but north.
std::shared_ptr<TreeEnsemble> invertedModel()
{
    return treeModel(steps(0, {0.5f}, {0.8f, 0.2f}));
}

ModelTestSpec specOf(const std::string &yaml)
{
    auto spec = parseModelTestSpec(yaml, "tests.yaml");
    if (!spec)
        qFatal("%s", spec.error().message.c_str());
    return std::move(*spec);
}

Result<std::vector<ModelTestResult>> run(const std::string &yaml, const Model &model,
                                         const BaselineModels &baselines = {},
                                         std::uint64_t seed = 1)
{
    static const table::Table data = sampleData();
    return runModelTests(specOf(yaml), model, data, "data.csv", baselines, seed);
}

ModelTestResult single(const std::string &yaml, const Model &model,
                       const BaselineModels &baselines = {})
{
    auto results = run(yaml, model, baselines);
    if (!results)
        qFatal("%s", results.error().message.c_str());
    if (results->size() != 1)
        qFatal("expected one result");
    return results->front();
}

std::string errorOf(const std::string &yaml, const Model &model,
                    const BaselineModels &baselines = {})
{
    auto results = run(yaml, model, baselines);
    return results ? std::string("(no error)") : results.error().message;
}

std::string parseErrorOf(const std::string &yaml)
{
    auto spec = parseModelTestSpec(yaml, "tests.yaml");
    return spec ? std::string("(no error)") : spec.error().message;
}

bool contains(const std::string &text, const std::string &part)
{
    if (text.find(part) != std::string::npos)
        return true;
    qWarning("'%s' does not contain '%s'", text.c_str(), part.c_str());
    return false;
}

} // namespace

class TestModelTests : public QObject {
    Q_OBJECT

private slots:
    void specReadsEveryKindOfTest()
    {
        const auto spec = specOf(R"(tests:
  - name: overall AUC
    metric: roc_auc
    min: 0.75
  - metric: accuracy
    min: 0.7
    where: "region == 'north'"
  - metric: roc_auc
    baseline: 4f1c2a
    max_drop: 0.01
  - invariance: {column: income, perturb: noise, scale: 0.01, max_change: 0.02}
  - invariance: {column: x, perturb: swap, with: income, max_change: 0}
  - invariance: {column: region, perturb: set, value: null, max_change: 0.1}
  - directional: {column: x, direction: decreasing, tolerance: 0.001, steps: 5, rows: 20}
  - prediction_range: {min: 0, max: 1}
  - no_nan: true
  - no_nan: false
)");
        QCOMPARE(spec.tests.size(), std::size_t(9)); // no_nan: false is switched off
        QCOMPARE(spec.tests[0].name, std::string("overall AUC"));
        QCOMPARE(spec.tests[0].origin, std::string("tests.yaml:2:5"));
        QCOMPARE(spec.tests[1].name, std::string("accuracy >= 0.7 where region == 'north'"));
        QVERIFY(spec.tests[1].where.has_value());
        const auto &baseline = std::get<BaselineCheck>(spec.tests[2].check);
        QCOMPARE(baseline.reference, std::string("4f1c2a"));
        QCOMPARE(baseline.maxDrop, 0.01);
        const auto &noise = std::get<InvarianceCheck>(spec.tests[3].check);
        QCOMPARE(noise.perturbation, Perturbation::Noise);
        QCOMPARE(noise.scale, 0.01);
        QCOMPARE(std::get<InvarianceCheck>(spec.tests[4].check).with, std::string("income"));
        QVERIFY(!std::get<InvarianceCheck>(spec.tests[5].check).value.has_value());
        const auto &directional = std::get<DirectionalCheck>(spec.tests[6].check);
        QCOMPARE(directional.direction, DirectionalCheck::Direction::Decreasing);
        QCOMPARE(directional.steps, std::size_t(5));
        QCOMPARE(directional.rows, std::size_t(20));
        QCOMPARE(checkKindName(spec.tests[7].check), std::string_view("prediction_range"));
        QCOMPARE(checkKindName(spec.tests[8].check), std::string_view("no_nan"));
    }

    void specErrorsNameLineColumnAndKey()
    {
        QVERIFY(contains(parseErrorOf("tests:\n  - metric: roc_auc\n    mni: 0.7\n"),
                         "tests.yaml:3:5: tests[0].mni: unknown key"));
        QVERIFY(contains(parseErrorOf("tests:\n  - metric: roc_acu\n    min: 0.7\n"),
                         "tests.yaml:2:13: tests[0].metric: unknown metric 'roc_acu'"));
        QVERIFY(contains(parseErrorOf("tests:\n  - metric: f1\n    min: high\n"),
                         "tests.yaml:3:10: tests[0].min: expected a number, got 'high'"));
        QVERIFY(
            contains(parseErrorOf("tests:\n  - invariance: {column: a, perturb: noise, scale: 1, "
                                  "max_chnage: 0.1}\n"),
                     "tests[0].invariance.max_chnage: unknown key"));
        QVERIFY(contains(
            parseErrorOf("tests:\n  - invariance: {column: a, perturb: noise, scale: 1}\n"),
            "tests.yaml:2:17: tests[0].invariance.max_change: missing"));
        QVERIFY(contains(
            parseErrorOf("tests:\n  - invariance: {column: a, perturb: jitter, max_change: 1}\n"),
            "tests[0].invariance.perturb: unknown perturbation 'jitter'"));
        QVERIFY(contains(parseErrorOf("tests:\n  - metric: f1\n    min: 0.5\n    no_nan: true\n"),
                         "tests.yaml:2:5: tests[0]: more than one check"));
        QVERIFY(contains(parseErrorOf("tests:\n  - name: nothing\n"), "tests[0]: no check"));
        QVERIFY(contains(
            parseErrorOf("tests:\n  - metric: f1\n    min: 0.5\n    where: \"region = \"\n"),
            "tests.yaml:4:12: tests[0].where: position 10: expected a value after '=='"));
        QVERIFY(contains(parseErrorOf("tests:\n  - metric: f1\n    max_drop: 0.1\n"),
                         "tests[0].max_drop: needs a 'baseline'"));
        QVERIFY(contains(parseErrorOf("tests:\n  - directional: {column: x, direction: up}\n"),
                         "tests[0].directional.direction: expected increasing or decreasing"));
        QVERIFY(contains(parseErrorOf("tests:\n  - no_nan: true\n  - no_nan: true\n"),
                         "tests[1].name: another test is already named 'no NaN predictions'"));
        QVERIFY(
            contains(parseErrorOf("tests:\n  - metric: f1\n    min: [1\n"), "tests.yaml:4:1: "));
        QVERIFY(contains(parseErrorOf("test:\n  - no_nan: true\n"),
                         "expected a map with a 'tests' list"));
    }

    void sliceFilterSelectsRows()
    {
        auto outcome = table::readTableFromBuffer(
            "age,region,vip,joined\n25,north,true,2024-01-10\n40,south,false,2024-03-01\n"
            ",north,false,2023-12-31\n61,west,true,2024-02-15\n",
            "people.csv");
        QVERIFY(outcome.ok());
        const auto &data = outcome->table;
        const auto maskOf = [&](const std::string &expression) {
            auto filter = SliceFilter::parse(expression);
            if (!filter)
                qFatal("%s", filter.error().message.c_str());
            auto mask = filter->mask(data, "people.csv");
            if (!mask)
                qFatal("%s", mask.error().message.c_str());
            return std::vector<int>(mask->begin(), mask->end());
        };
        using Rows = std::vector<int>;
        QCOMPARE(maskOf("region == 'north'"), (Rows{1, 0, 1, 0}));
        QCOMPARE(maskOf("region != 'north'"), (Rows{0, 1, 0, 1}));
        QCOMPARE(maskOf("age >= 40"), (Rows{0, 1, 0, 1}));
        QCOMPARE(maskOf("age != 40"), (Rows{1, 0, 0, 1})); // a missing age matches no comparison
        QCOMPARE(maskOf("not age == 40"), (Rows{1, 0, 1, 1}));
        QCOMPARE(maskOf("region in ['north', 'west'] and age < 50"), (Rows{1, 0, 0, 0}));
        QCOMPARE(maskOf("region not in ('north') or vip == true"), (Rows{1, 1, 0, 1}));
        QCOMPARE(maskOf("region == 'west' or region == 'south' and age > 50"), (Rows{0, 0, 0, 1}));
        QCOMPARE(maskOf("(region == 'west' or region == 'south') and age > 30"),
                 (Rows{0, 1, 0, 1}));
        QCOMPARE(maskOf("joined >= '2024-02-01' and `vip` = false"), (Rows{0, 1, 0, 0}));

        const auto errorOf = [&](const std::string &expression) {
            auto filter = SliceFilter::parse(expression);
            if (!filter)
                return filter.error().message;
            auto mask = filter->mask(data, "people.csv");
            return mask ? std::string("(no error)") : mask.error().message;
        };
        QCOMPARE(errorOf("age > 30 and regoin == 'north'"),
                 std::string("position 14: no column 'regoin' in people.csv"));
        QVERIFY(contains(errorOf("region == north"),
                         "position 11: expected a value after '=='; quote text"));
        QVERIFY(contains(errorOf("region == 3"), "position 11: column 'region' holds text"));
        QVERIFY(contains(errorOf("age > 'old'"), "position 7: column 'age' holds numbers"));
        QVERIFY(contains(errorOf("(age > 3"), "position 9: expected ')'"));
        QVERIFY(contains(errorOf("age > 3 region"), "position 9: expected 'and', 'or' or the end"));
        QVERIFY(contains(errorOf("region == 'north"), "position 11: unterminated text"));
        QVERIFY(contains(errorOf("  "), "the expression is empty"));
    }

    void metricPassesAndFailsOnSlices()
    {
        const auto model = thresholdModel();
        const auto north = single(
            "tests:\n  - metric: accuracy\n    min: 0.99\n    where: region == 'north'\n", *model);
        QVERIFY(north.passed);
        QCOMPARE(north.value, 1.0);
        QCOMPARE(north.bound, std::string(">= 0.99"));
        QCOMPARE(north.kind, std::string("metric"));
        QCOMPARE(north.detail, std::string("region == 'north': 67 rows, accuracy 1"));

        const auto overall = single("tests:\n  - metric: accuracy\n    min: 0.5\n", *model);
        QVERIFY(!overall.passed);
        QCOMPARE(overall.value, 67.0 / 200.0);
        QCOMPARE(overall.detail, std::string("all 200 rows, accuracy 0.335"));

        const auto auc = single(
            "tests:\n  - metric: roc_auc\n    max: 0.1\n    where: region != 'north'\n", *model);
        QVERIFY(auc.passed);
        QCOMPARE(auc.value, 0.0);
        QCOMPARE(auc.bound, std::string("<= 0.1"));
    }

    void meaninglessMetricTestsAreErrors()
    {
        const auto model = thresholdModel();
        QCOMPARE(errorOf("tests:\n  - name: error\n    metric: rmse\n    max: 1\n", *model),
                 std::string("tests.yaml:2:5: test 'error': metric: 'rmse' is not measured for "
                             "binary models (they have accuracy, brier, f1, f1_macro, f1_weighted, "
                             "log_loss, pr_auc, precision, precision_macro, precision_weighted, "
                             "recall, recall_macro, recall_weighted, roc_auc)"));
        QVERIFY(contains(
            errorOf("tests:\n  - metric: f1\n    min: 0\n    where: region == 'south'\n", *model),
            "test 'f1 >= 0 where region == 'south'': where: no row of data.csv satisfies"));
        QVERIFY(contains(
            errorOf("tests:\n  - metric: f1\n    min: 0\n    where: zone == 'a'\n", *model),
            "where: position 1: no column 'zone' in data.csv"));
        const auto data = sampleData();
        std::size_t highNorth = 0;
        for (std::size_t row = 1; row < kRows; row += 3)
            highNorth += data.column(0).numeric(row) >= 0.5;
        QVERIFY(contains(errorOf("tests:\n  - metric: roc_auc\n    min: 0\n    where: region == "
                                 "'north' and x >= 0.5\n",
                                 *model),
                         "metric: roc_auc is undefined on region == 'north' and x >= 0.5: " +
                             std::to_string(highNorth) +
                             " rows: only one class of 'label' occurs"));
    }

    void baselineComparesOnTheSameRows()
    {
        const auto model = thresholdModel();
        const BaselineModels baselines{{"old", invertedModel()}, {"same", thresholdModel()}};
        const auto spec = [](const std::string &baseline) {
            return "tests:\n  - metric: accuracy\n    baseline: " + baseline +
                   "\n    max_drop: 0.05\n    where: region == 'north'\n";
        };
        const auto better = single(spec("old"), *model, baselines);
        QVERIFY(better.passed);
        QCOMPARE(better.kind, std::string("baseline"));
        QCOMPARE(better.bound, std::string(">= -0.05 (baseline 0 - 0.05)"));
        QCOMPARE(better.detail,
                 std::string("region == 'north': 67 rows, accuracy 1 vs baseline 0 (not worse)"));

        const auto worse = single(spec("new"), *invertedModel(), BaselineModels{{"new", model}});
        QVERIFY(!worse.passed);
        QCOMPARE(worse.value, 0.0);
        QVERIFY(contains(worse.detail, "accuracy 0 vs baseline 1 (worse by 1)"));

        QVERIFY(single(spec("same"), *model, baselines).passed);
        QVERIFY(contains(errorOf(spec("gone"), *model, baselines),
                         "baseline: no model was loaded for 'gone'"));
        const BaselineModels regression{
            {"reg", treeModel(steps(0, {0.5f}, {1, 2}), Task::Regression)}};
        QVERIFY(contains(errorOf(spec("reg"), *model, regression),
                         "the baseline is a regression model; this model is binary"));
        const auto spec2 =
            specOf("tests:\n  - metric: f1\n    baseline: a\n    max_drop: 0\n"
                   "  - metric: f1\n    name: second\n    baseline: a\n    max_drop: 0.1\n");
        QCOMPARE(baselinesOf(spec2).size(), std::size_t(1));
    }

    void invarianceDetectsAModelThatReadsTheColumn()
    {
        const auto spec = "tests:\n  - invariance: {column: income, perturb: noise, scale: 0.5, "
                          "max_change: 0.01}\n";
        // Reads only x: income noise cannot move it.
        const auto unaffected = single(spec, *thresholdModel());
        QVERIFY(unaffected.passed);
        QCOMPARE(unaffected.value, 0.0);
        QCOMPARE(unaffected.detail, std::string("all 200 rows, no prediction changes"));
        ModelSignature xOnly = signatureOf(Task::Binary);
        xOnly.features.resize(1);
        const TreeEnsemble withoutIncome(xOnly, {steps(0, {0.5f}, {0.2f, 0.8f})}, {0.0f},
                                         OutputLink::Identity);
        const auto unread = single(spec, withoutIncome);
        QVERIFY(unread.passed);
        QCOMPARE(unread.detail,
                 std::string("the model does not read 'income', so predictions cannot change"));
        // Splits on income at 50: noise pushes rows across.
        const auto reader = treeModel(steps(1, {50.0f}, {0.3f, 0.7f}));
        const auto moved = single(spec, *reader);
        QVERIFY(!moved.passed);
        QCOMPARE(moved.value, double(0.7f) - double(0.3f));
        QVERIFY(contains(moved.detail, "largest at row "));
        QVERIFY(contains(moved.detail, "rows change by more than 0.01"));
        // The same seed gives the same result; the row named really did change.
        const auto again = single(spec, *reader);
        QCOMPARE(again.detail, moved.detail);

        QVERIFY(!single("tests:\n  - invariance: {column: x, perturb: swap, with: income, "
                        "max_change: 0.1}\n",
                        *thresholdModel())
                     .passed);
        QVERIFY(single("tests:\n  - invariance: {column: x, perturb: shuffle, max_change: 0}\n"
                       "    where: x >= 0.5\n",
                       *thresholdModel())
                    .passed);
        QVERIFY(!single("tests:\n  - invariance: {column: x, perturb: shuffle, max_change: 0.5}\n",
                        *thresholdModel())
                     .passed);

        // region == north (code 1) → 0.9, else 0.1: setting region to north moves every other row.
        Tree byRegion;
        byRegion.nodes = {splitNode(2, 1.0f, 1, 2, true, true), leafNode(0.9f), leafNode(0.1f)};
        const auto regional = treeModel(byRegion);
        const auto set = single("tests:\n  - invariance: {column: region, perturb: set, value: "
                                "north, max_change: 0.5}\n",
                                *regional);
        QVERIFY(!set.passed);
        QVERIFY(contains(set.detail, "largest at row 1: prediction 0.1 -> 0.9; 133 rows change"));
        QVERIFY(single("tests:\n  - invariance: {column: region, perturb: set, value: north, "
                       "max_change: 0}\n"
                       "    where: region == 'north'\n",
                       *regional)
                    .passed);
        QVERIFY(
            contains(errorOf("tests:\n  - invariance: {column: region, perturb: set, value: south, "
                             "max_change: 0}\n",
                             *regional),
                     "invariance.value: 'south' is not a category of 'region' the model knows"));
        QVERIFY(contains(
            errorOf("tests:\n  - invariance: {column: salary, perturb: shuffle, max_change: 0}\n",
                    *regional),
            "invariance.column: no column 'salary' in data.csv"));
        QVERIFY(
            contains(errorOf("tests:\n  - invariance: {column: region, perturb: noise, scale: 1, "
                             "max_change: 0}\n",
                             *regional),
                     "noise needs a numeric feature; 'region' is categorical"));
    }

    void directionalFindsTheFirstViolatingRowAndStep()
    {
        const auto spec =
            "tests:\n  - directional: {column: x, direction: increasing, steps: 11, rows: 1000}\n";
        const auto monotone = single(spec, *thresholdModel());
        QVERIFY(monotone.passed);
        QCOMPARE(monotone.value, 0.0);
        QCOMPARE(monotone.detail, std::string("all 200 rows, 11 steps of x from 0 to 1"));

        // Up to 0.9 until x reaches 0.6, then down to 0.1: every row's curve falls there.
        const auto bump = treeModel(steps(0, {0.3f, 0.6f}, {0.2f, 0.9f, 0.1f}));
        const auto failed = single(spec, *bump);
        QVERIFY(!failed.passed);
        QCOMPARE(failed.value, double(0.9f) - double(0.1f));
        QCOMPARE(failed.bound, std::string("<= 0"));
        QVERIFY(contains(failed.detail,
                         "200 go down, first row 1: x 0.5 -> 0.6 moves prediction 0.9 -> 0.1"));

        const auto decreasing =
            single("tests:\n  - directional: {column: x, direction: decreasing, rows: 5}\n"
                   "    where: region == 'west'\n",
                   *thresholdModel());
        QVERIFY(!decreasing.passed);
        QVERIFY(contains(decreasing.detail, "region == 'west': 66 rows (5 sampled), 10 steps"));
        QVERIFY(contains(decreasing.detail, "5 go up"));
        // A tolerance as large as the jump lets it through.
        QVERIFY(
            single("tests:\n  - directional: {column: x, direction: decreasing, tolerance: 0.61}\n",
                   *thresholdModel())
                .passed);

        QVERIFY(
            contains(errorOf("tests:\n  - directional: {column: region, direction: increasing}\n",
                             *thresholdModel()),
                     "directional.column: 'region' is categorical"));
        QVERIFY(
            contains(errorOf("tests:\n  - directional: {column: label, direction: increasing}\n",
                             *thresholdModel()),
                     "directional.column: the model does not read 'label'"));
    }

    void multiclassChecksNameTheClass()
    {
        ModelSignature signature = signatureOf(Task::Multiclass);
        signature.classes = {"a", "b", "c"};
        // Class c's margin rises with x, a's falls, b's stays.
        Tree a = steps(0, {0.5f}, {1.0f, -1.0f}), b = steps(0, {0.5f}, {0.0f, 0.0f}),
             c = steps(0, {0.5f}, {-1.0f, 1.0f});
        b.outputGroup = 1;
        c.outputGroup = 2;
        const TreeEnsemble model(signature, {a, b, c}, {0, 0, 0}, OutputLink::Softmax);
        const auto rises =
            "tests:\n  - directional: {column: x, direction: increasing, class: c}\n";
        QVERIFY(single(rises, model).passed);
        const auto falls = single(
            "tests:\n  - directional: {column: x, direction: increasing, class: a}\n", model);
        QVERIFY(!falls.passed);
        QVERIFY(contains(falls.detail, "moves p_a "));
        QVERIFY(contains(
            errorOf("tests:\n  - directional: {column: x, direction: increasing}\n", model),
            "directional.class: a multiclass model needs the class"));
        QVERIFY(contains(
            errorOf("tests:\n  - directional: {column: x, direction: increasing, class: d}\n",
                    model),
            "directional.class: 'd' is not a class of the model"));
        QVERIFY(contains(errorOf(rises, *thresholdModel()),
                         "directional.class: only multiclass models"));
        const auto shuffled = single(
            "tests:\n  - invariance: {column: x, perturb: shuffle, max_change: 0.1}\n", model);
        QVERIFY(!shuffled.passed);
        QVERIFY(contains(shuffled.detail, ": p_"));
        QVERIFY(single("tests:\n  - prediction_range: {min: 0, max: 1}\n", model).passed);
    }

    void predictionRangeAndNan()
    {
        const auto regression = treeModel(steps(0, {0.5f}, {-0.5f, 1.5f}), Task::Regression);
        const auto outside =
            single("tests:\n  - prediction_range: {min: 0, max: 1}\n", *regression);
        QVERIFY(!outside.passed);
        QCOMPARE(outside.value, 200.0);
        QCOMPARE(outside.bound, std::string("== 0 outside [0, 1]"));
        QVERIFY(
            contains(outside.detail,
                     "predictions from -0.5 to 1.5; 200 outside, first row 1: prediction -0.5"));
        QVERIFY(single("tests:\n  - prediction_range: {min: -1, max: 2}\n", *regression).passed);
        QVERIFY(single("tests:\n  - prediction_range: {max: 1}\n    where: x < 0.5\n", *regression)
                    .passed);

        // NaN below x = 0.1.
        const auto broken = treeModel(steps(0, {0.1f}, {kNaN, 0.5f}));
        const auto nan = single("tests:\n  - no_nan: true\n", *broken);
        QVERIFY(!nan.passed);
        QVERIFY(nan.value > 0);
        QVERIFY(contains(nan.detail, "with a NaN prediction, first row 1"));
        QVERIFY(single("tests:\n  - no_nan: true\n    where: x >= 0.1\n", *broken).passed);
        QVERIFY(single("tests:\n  - no_nan: true\n", *thresholdModel()).passed);
        QVERIFY(!single("tests:\n  - prediction_range: {min: 0}\n", *broken).passed);
        // A metric over NaN predictions cannot be measured: it fails, it is not an error.
        const auto metric = single("tests:\n  - metric: accuracy\n    min: 0\n", *broken);
        QVERIFY(!metric.passed);
        QVERIFY(std::isnan(metric.value));
        QVERIFY(contains(metric.detail, "NaN predictions, so accuracy cannot be measured"));
    }

    void resultsAsJson()
    {
        const auto results = run("tests:\n  - no_nan: true\n  - metric: accuracy\n    min: 0.9\n"
                                 "  - metric: accuracy\n    min: 0\n",
                                 *treeModel(steps(0, {0.1f}, {kNaN, 0.5f})));
        QVERIFY(results.ok());
        const QJsonObject json = modelTestResultsToJson(*results);
        QCOMPARE(json.value(QStringLiteral("passed")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("failed")).toInt(), 3);
        const QJsonArray list = json.value(QStringLiteral("results")).toArray();
        QCOMPARE(list.size(), 3);
        const QJsonObject first = list[0].toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(),
                 QStringLiteral("no NaN predictions"));
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("no_nan"));
        QCOMPARE(first.value(QStringLiteral("passed")).toBool(), false);
        QCOMPARE(first.value(QStringLiteral("bound")).toString(), QStringLiteral("== 0"));
        QVERIFY(first.value(QStringLiteral("value")).isDouble());
        QVERIFY(list[1].toObject().value(QStringLiteral("value")).isNull());

        auto back = modelTestResultsFromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back->size(), std::size_t(3));
        QCOMPARE((*back)[0].detail, (*results)[0].detail);
        QVERIFY(std::isnan((*back)[1].value));
        QJsonObject broken = json;
        QJsonArray entries = broken.value(QStringLiteral("results")).toArray();
        QJsonObject entry = entries[2].toObject();
        entry.insert(QStringLiteral("passed"), QStringLiteral("yes"));
        entries[2] = entry;
        broken.insert(QStringLiteral("results"), entries);
        QCOMPARE(modelTestResultsFromJson(broken).error().message,
                 std::string("results[2].passed: expected true or false"));
    }

    void seedsAndCancellation()
    {
        const auto reader = treeModel(steps(1, {50.0f}, {0.3f, 0.7f}));
        const auto spec =
            "tests:\n  - invariance: {column: income, perturb: noise, scale: 0.05, max_change: 0}\n"
            "  - directional: {column: income, direction: increasing, rows: 3}\n";
        const auto first = run(spec, *reader, {}, 11);
        const auto second = run(spec, *reader, {}, 11);
        const auto other = run(spec, *reader, {}, 12);
        QVERIFY(first.ok() && second.ok() && other.ok());
        QCOMPARE((*first)[0].detail, (*second)[0].detail);
        QCOMPARE((*first)[1].detail, (*second)[1].detail);
        QVERIFY((*first)[0].detail != (*other)[0].detail);

        CancellationToken token;
        token.cancel();
        const auto cancelled = runModelTests(specOf(spec), *reader, sampleData(), "data.csv", {}, 1,
                                             Progress({}, token));
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind, ErrorKind::Cancelled);
    }

    void loadResolvesBaselineModelsBesideTheSpec()
    {
        QTemporaryDir dir;
        const auto path = testing::pathOf(dir) / "checks" / "tests.yaml";
        testing::writeFile(path, "tests:\n  - metric: f1\n    baseline_model: models/prod.json\n"
                                 "    max_drop: 0.02\n");
        auto spec = loadModelTestSpec(path);
        QVERIFY(spec.ok());
        QCOMPARE(std::get<BaselineCheck>(spec->tests[0].check).reference,
                 (testing::pathOf(dir) / "checks" / "models" / "prod.json").string());
        QVERIFY(contains(loadModelTestSpec(testing::pathOf(dir) / "missing.yaml").error().message,
                         "missing.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestModelTests)
#include "test_model_tests.moc"
