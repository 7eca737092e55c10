#pragma once

// Small models and seeded data for the model-agnostic explainers' tests.
#include "common/random.h"
#include "model/linear_model.h"
#include "model/tree_ensemble.h"
#include "support/tree_nodes.h"

#include <memory>
#include <string>
#include <vector>

namespace assay::testing {

inline std::vector<model::FeatureSpec> numericFeatures(std::size_t count)
{
    std::vector<model::FeatureSpec> features;
    for (std::size_t f = 0; f < count; ++f)
        features.push_back({.name = "f" + std::to_string(f),
                            .kind = model::FeatureKind::Numeric,
                            .categories = {}});
    return features;
}

// Rows of normal(0, 1) values (each feature shifted by its index, so means differ).
inline model::FeatureMatrix randomMatrix(std::vector<model::FeatureSpec> features, std::size_t rows,
                                         std::uint64_t seed)
{
    Random random(seed);
    model::FeatureMatrix x;
    x.rows = rows;
    x.features = std::move(features);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t f = 0; f < x.columns(); ++f)
            x.values.push_back(
                x.features[f].kind == model::FeatureKind::Categorical
                    ? double(random.integer(0, int(x.features[f].categories.size()) - 1))
                    : random.normal(double(f) * 0.5, 1));
    return x;
}

// y = intercept + Σ coefficients[f] · x_f over numeric features.
inline std::unique_ptr<model::LinearModel> linearRegression(std::vector<double> coefficients,
                                                            double intercept)
{
    model::ModelSignature signature;
    signature.task = model::Task::Regression;
    signature.target = "y";
    signature.features = numericFeatures(coefficients.size());
    model::LinearParameters parameters;
    parameters.means.assign(coefficients.size(), 0.0);
    parameters.intercepts = {intercept};
    parameters.coefficients = {std::move(coefficients)};
    return std::make_unique<model::LinearModel>(std::move(signature), std::move(parameters));
}

// A regression forest over 6 features whose trees split on pairs and triples of features (so
// contributions interact), with feature 5 categorical (codes 0–3).
inline std::unique_ptr<model::TreeEnsemble>
interactingTrees(model::OutputLink link = model::OutputLink::Identity, std::size_t outputs = 1)
{
    model::ModelSignature signature;
    signature.task = outputs > 1 ? model::Task::Multiclass : model::Task::Regression;
    signature.target = "y";
    signature.features = numericFeatures(6);
    signature.features[5].kind = model::FeatureKind::Categorical;
    signature.features[5].categories = {"a", "b", "c", "d"};
    for (std::size_t o = 0; o < outputs && outputs > 1; ++o)
        signature.classes.push_back("class" + std::to_string(o));
    std::vector<model::Tree> trees;
    for (std::size_t o = 0; o < outputs; ++o) {
        const float shift = float(o) * 0.3f;
        model::Tree first; // f0 then f1 / f2
        first.outputGroup = std::int32_t(o);
        first.nodes = {splitNode(0, 0.2f + shift, 1, 2),
                       splitNode(1, 0.5f, 3, 4),
                       splitNode(2, 1.0f - shift, 5, 6),
                       leafNode(-1.0f + shift),
                       leafNode(0.5f),
                       leafNode(1.5f),
                       leafNode(-0.25f - shift)};
        model::Tree second; // f3 then the category of f5, then f4
        second.outputGroup = std::int32_t(o);
        second.nodes = {splitNode(3, 1.5f, 1, 2), splitNode(5, float(o % 4), 3, 4, true, true),
                        splitNode(4, 2.0f, 5, 6), leafNode(2.0f),
                        leafNode(-0.5f + shift),  leafNode(0.75f),
                        leafNode(-1.25f)};
        model::Tree third; // f1 and f4 together
        third.outputGroup = std::int32_t(o);
        third.nodes = {splitNode(4, 1.8f + shift, 1, 2), splitNode(1, 0.4f, 3, 4), leafNode(0.6f),
                       leafNode(-0.4f), leafNode(0.9f - shift)};
        trees.push_back(first);
        trees.push_back(second);
        trees.push_back(third);
    }
    return std::make_unique<model::TreeEnsemble>(std::move(signature), std::move(trees),
                                                 std::vector<float>(outputs, 0.5f), link);
}

} // namespace assay::testing
