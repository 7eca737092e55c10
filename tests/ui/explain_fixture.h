#pragma once

// Explanations of a model trained in the test, for the Explain area's views: TreeSHAP from
// core; partial dependence, permutation importance and LIME-shaped results computed here by
// brute force from the model's predictions (the core explainers are tested on their own).
#include "common/random.h"
#include "explain/explanation.h"
#include "explain/tree_shap.h"
#include "model/trainer.h"
#include "model/tree_ensemble.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

namespace assay::testing {

struct ExplainFixture {
    std::shared_ptr<const model::Model> model;
    model::FeatureMatrix x;
    std::vector<double> y;
};

// `rows` rows of credit-like data: income (5% missing), age, debt, region (3 categories);
// default depends on age, income and on debt only in the south (an interaction).
inline ExplainFixture trainExplainFixture(std::size_t rows, model::Task task = model::Task::Binary)
{
    using model::FeatureKind;
    ExplainFixture fixture;
    fixture.x.rows = rows;
    fixture.x.features = {{.name = "income", .kind = FeatureKind::Numeric, .categories = {}},
                          {.name = "age", .kind = FeatureKind::Numeric, .categories = {}},
                          {.name = "debt", .kind = FeatureKind::Numeric, .categories = {}},
                          {.name = "region",
                           .kind = FeatureKind::Categorical,
                           .categories = {"east", "north", "south"}}};
    Random random(424242);
    for (std::size_t row = 0; row < rows; ++row) {
        const double income = random.chance(0.05) ? std::nan("") : random.uniform(10, 120);
        const double age = random.uniform(18, 80);
        const double debt = random.uniform(0, 10);
        const double region = double(random.integer(0, 2));
        fixture.x.values.insert(fixture.x.values.end(), {income, age, debt, region});
        const double score = 0.05 * (age - 45) - 0.02 * (std::isnan(income) ? 60 : income - 60) +
                             (region == 2 ? 0.6 * (debt - 5) : 0.0);
        if (task == model::Task::Multiclass)
            fixture.y.push_back(score < -0.7 ? 0 : (score < 0.7 ? 1 : 2));
        else
            fixture.y.push_back(random.chance(1 / (1 + std::exp(-score))) ? 1 : 0);
    }
    const model::Trainer *trainer = model::findTrainer("gbt");
    model::ModelSignature signature;
    signature.task = task;
    signature.target = "default";
    signature.classes = task == model::Task::Multiclass
                            ? std::vector<std::string>{"low", "medium", "high"}
                            : std::vector<std::string>{"0", "1"};
    signature.features = fixture.x.features;
    model::TrainOptions options;
    options.params = *model::resolveParams(trainer->params(), {{"n_estimators", "40"}});
    options.seed = 3;
    options.threads = 2;
    auto trained = trainer->train({&fixture.x, fixture.y, signature}, options);
    if (!trained)
        qFatal("training failed: %s", trained.error().message.c_str());
    fixture.model = std::shared_ptr<const model::Model>(std::move(*trained));
    return fixture;
}

inline explain::ExplanationSubject subjectOf(const ExplainFixture &fixture)
{
    explain::ExplanationSubject subject;
    subject.modelName = "3f2a9c1e5b7d";
    subject.modelMd5 = "0123456789abcdef0123456789abcdef";
    subject.runId = "3f2a9c1e5b7d4e0f";
    subject.dataName = "data/credit.csv";
    subject.dataMd5 = "fedcba9876543210fedcba9876543210";
    subject.task = fixture.model->signature().task;
    subject.features = fixture.x.features;
    subject.outputs = subject.task == model::Task::Multiclass ? fixture.model->signature().classes
                                                              : std::vector<std::string>{"1"};
    return subject;
}

inline explain::Explanation treeShapExplanation(const ExplainFixture &fixture, std::size_t rows)
{
    std::vector<std::size_t> ids(std::min(rows, fixture.x.rows));
    std::iota(ids.begin(), ids.end(), std::size_t(0));
    explain::ShapExplanation shap;
    shap.rowIds = ids;
    shap.x = fixture.x.subset(ids);
    const auto &ensemble = dynamic_cast<const model::TreeEnsemble &>(*fixture.model);
    auto values = explain::treeShap(ensemble, shap.x, 2);
    if (!values)
        qFatal("treeShap: %s", values.error().message.c_str());
    shap.values = std::move(*values);
    shap.space = "margin";
    for (std::size_t row = 0; row < shap.values.rows; ++row) {
        for (std::size_t output = 0; output < shap.values.outputs; ++output) {
            const auto contributions = shap.values.of(row, output);
            shap.predictions.push_back(
                std::accumulate(contributions.begin(), contributions.end(), 0.0));
        }
    }
    explain::Explanation explanation;
    explanation.method = explain::ExplainMethod::TreeShap;
    explanation.subject = subjectOf(fixture);
    explanation.createdMs = 1'718'000'000'000;
    explanation.result = std::move(shap);
    return explanation;
}

// Brute-force partial dependence of `features` over 20 grid points, ICE for every 10th row.
inline explain::Explanation partialDependenceExplanation(const ExplainFixture &fixture,
                                                         std::vector<std::size_t> features)
{
    explain::PartialDependenceResult result;
    const std::size_t outputs = fixture.model->signature().outputCount();
    for (std::size_t feature : features) {
        explain::PartialDependence curve;
        curve.feature = feature;
        curve.outputs = outputs;
        if (fixture.x.features[feature].kind == model::FeatureKind::Categorical) {
            for (std::size_t code = 0; code < fixture.x.features[feature].categories.size(); ++code)
                curve.grid.push_back(double(code));
        } else {
            for (int g = 0; g < 20; ++g)
                curve.grid.push_back(15 + g * (feature == 0 ? 5.0 : 3.0));
        }
        for (std::size_t row = 0; row < fixture.x.rows; row += 10)
            curve.iceRows.push_back(row);
        curve.average.assign(curve.grid.size() * outputs, 0.0);
        curve.ice.assign(curve.iceRows.size() * curve.grid.size() * outputs, 0.0);
        for (std::size_t g = 0; g < curve.grid.size(); ++g) {
            model::FeatureMatrix changed = fixture.x;
            for (std::size_t row = 0; row < changed.rows; ++row)
                changed.values[row * changed.columns() + feature] = curve.grid[g];
            const std::vector<double> predicted = fixture.model->predictions(changed, 2);
            for (std::size_t row = 0; row < changed.rows; ++row) {
                for (std::size_t o = 0; o < outputs; ++o)
                    curve.average[g * outputs + o] +=
                        predicted[row * outputs + o] / double(changed.rows);
            }
            for (std::size_t i = 0; i < curve.iceRows.size(); ++i) {
                for (std::size_t o = 0; o < outputs; ++o)
                    curve.ice[(i * curve.grid.size() + g) * outputs + o] =
                        predicted[curve.iceRows[i] * outputs + o];
            }
        }
        result.curves.push_back(std::move(curve));
    }
    explain::Explanation explanation;
    explanation.method = explain::ExplainMethod::PartialDependence;
    explanation.subject = subjectOf(fixture);
    explanation.createdMs = 1'718'000'100'000;
    explanation.result = std::move(result);
    return explanation;
}

// Accuracy drop when each feature is shuffled, 3 seeded repeats (binary models).
inline explain::Explanation permutationExplanation(const ExplainFixture &fixture)
{
    const auto accuracy = [&](const model::FeatureMatrix &x) {
        const std::vector<double> p = fixture.model->predictions(x, 2);
        double correct = 0;
        for (std::size_t row = 0; row < x.rows; ++row)
            correct += ((p[row] >= 0.5) == (fixture.y[row] == 1)) ? 1 : 0;
        return correct / double(x.rows);
    };
    explain::PermutationResult result;
    result.importance.metric = "accuracy";
    result.importance.baseline = accuracy(fixture.x);
    for (std::size_t feature = 0; feature < fixture.x.columns(); ++feature) {
        explain::FeatureImportance importance;
        importance.feature = feature;
        for (std::uint64_t repeat = 0; repeat < 3; ++repeat) {
            Random random(feature * 100 + repeat);
            model::FeatureMatrix shuffled = fixture.x;
            for (std::size_t row = shuffled.rows - 1; row > 0; --row) {
                const auto other = std::size_t(random.uniform() * double(row + 1));
                std::swap(shuffled.values[row * shuffled.columns() + feature],
                          shuffled.values[other * shuffled.columns() + feature]);
            }
            importance.drops.push_back(result.importance.baseline - accuracy(shuffled));
        }
        importance.mean =
            std::accumulate(importance.drops.begin(), importance.drops.end(), 0.0) / 3;
        double squares = 0;
        for (double drop : importance.drops)
            squares += (drop - importance.mean) * (drop - importance.mean);
        importance.std = std::sqrt(squares / 3);
        result.importance.features.push_back(importance);
    }
    explain::Explanation explanation;
    explanation.method = explain::ExplainMethod::Permutation;
    explanation.subject = subjectOf(fixture);
    explanation.createdMs = 1'718'000'200'000;
    explanation.result = std::move(result);
    return explanation;
}

// A LIME-shaped explanation of `rowIds` whose terms are read off the SHAP values (for the
// views only; LIME itself is tested in core).
inline explain::Explanation limeLikeExplanation(const explain::Explanation &shapExplanation,
                                                std::vector<std::size_t> rowIds)
{
    const auto &shap = std::get<explain::ShapExplanation>(shapExplanation.result);
    explain::LimeResult result;
    result.rowIds = rowIds;
    result.x = shap.x.subset(rowIds);
    for (std::size_t i = 0; i < rowIds.size(); ++i) {
        explain::LimeExplanation row;
        row.row = i;
        row.score = 0.62;
        const auto contributions = shap.values.of(rowIds[i], 0);
        for (std::size_t feature = 0; feature < shap.values.features; ++feature)
            row.terms.push_back(
                {feature, shap.x.features[feature].name + " <= q2", contributions[feature] / 4});
        std::sort(row.terms.begin(), row.terms.end(), [](const auto &a, const auto &b) {
            return std::abs(a.weight) > std::abs(b.weight);
        });
        row.modelPrediction = 1 / (1 + std::exp(-shap.predictions[rowIds[i]]));
        row.localPrediction = row.modelPrediction + 0.03;
        result.explanations.push_back(std::move(row));
    }
    explain::Explanation explanation;
    explanation.method = explain::ExplainMethod::Lime;
    explanation.subject = shapExplanation.subject;
    explanation.createdMs = 1'718'000'300'000;
    explanation.result = std::move(result);
    return explanation;
}

} // namespace assay::testing
