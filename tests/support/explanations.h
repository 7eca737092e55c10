#pragma once

#include "common/random.h"
#include "explain/explanation.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace assay::testing {

// Explanations of every method filled with seeded, awkward doubles (long mantissas, tiny and
// huge magnitudes, negative zero, missing feature values), for round-trip tests.
class ExplanationSamples {
public:
    explicit ExplanationSamples(std::uint64_t seed) : m_random(seed) {}

    explain::ExplanationSubject subject(std::size_t outputs)
    {
        explain::ExplanationSubject subject;
        subject.modelName = "b12ab428a0854977b2f76c4aa5ef6170";
        subject.modelMd5 = "0123456789abcdef0123456789abcdef";
        subject.runId = "b12ab428a0854977b2f76c4aa5ef6170";
        subject.dataName = "data/credit.csv@HEAD~1";
        subject.dataMd5 = "fedcba9876543210fedcba9876543210";
        subject.task = outputs > 1 ? model::Task::Multiclass : model::Task::Binary;
        subject.features = {
            {.name = "income", .kind = model::FeatureKind::Numeric, .categories = {}},
            {.name = "region, \"zone\"",
             .kind = model::FeatureKind::Categorical,
             .categories = {"east", "north", "süd"}},
            {.name = "debt", .kind = model::FeatureKind::Numeric, .categories = {}}};
        for (std::size_t output = 0; output < outputs; ++output)
            subject.outputs.push_back(outputs > 1 ? "class " + std::to_string(output) : "yes");
        return subject;
    }

    double awkward()
    {
        switch (m_random.integer(0, 5)) {
        case 0:
            return m_random.normal(0, 1) * 1e-300;
        case 1:
            return m_random.normal(0, 1) * 1e300;
        case 2:
            return -0.0;
        default:
            return m_random.normal(0, 3);
        }
    }

    model::FeatureMatrix rows(const explain::ExplanationSubject &subject, std::size_t count)
    {
        model::FeatureMatrix x{.rows = count, .features = subject.features, .values = {}};
        for (std::size_t i = 0; i < count * subject.features.size(); ++i) {
            const std::size_t column = i % subject.features.size();
            if (m_random.chance(0.1))
                x.values.push_back(std::numeric_limits<double>::quiet_NaN());
            else if (subject.features[column].kind == model::FeatureKind::Categorical)
                x.values.push_back(m_random.integer(0, 2));
            else
                x.values.push_back(awkward());
        }
        return x;
    }

    std::vector<double> doubles(std::size_t count)
    {
        std::vector<double> values;
        for (std::size_t i = 0; i < count; ++i)
            values.push_back(awkward());
        return values;
    }

    explain::Explanation base(explain::ExplainMethod method, std::size_t outputs)
    {
        explain::Explanation explanation;
        explanation.method = method;
        explanation.subject = subject(outputs);
        explanation.params = {{QStringLiteral("rows"), QJsonArray{3, 10}},
                              {QStringLiteral("seed"), 7},
                              {QStringLiteral("features"), QJsonArray{QStringLiteral("income")}}};
        explanation.createdMs = 1751328000123;
        return explanation;
    }

    explain::Explanation shap(std::size_t outputs, bool withInteractions)
    {
        auto explanation = base(explain::ExplainMethod::TreeShap, outputs);
        explain::ShapExplanation shap;
        const std::size_t rows = 7;
        const std::size_t features = explanation.subject.features.size();
        for (std::size_t row = 3; row < 3 + rows; ++row)
            shap.rowIds.push_back(row);
        shap.x = this->rows(explanation.subject, rows);
        shap.values = {.rows = rows,
                       .outputs = outputs,
                       .features = features,
                       .values = doubles(rows * outputs * (features + 1))};
        shap.predictions = doubles(rows * outputs);
        shap.space = "margin";
        if (withInteractions)
            shap.interactionStrength = doubles(outputs * features * features);
        explanation.result = std::move(shap);
        return explanation;
    }

    explain::Explanation lime()
    {
        auto explanation = base(explain::ExplainMethod::Lime, 1);
        explain::LimeResult lime;
        lime.rowIds = {4, 9};
        lime.x = rows(explanation.subject, 2);
        for (std::size_t row = 0; row < 2; ++row) {
            explain::LimeExplanation one{.row = row,
                                         .output = 0,
                                         .intercept = awkward(),
                                         .localPrediction = awkward(),
                                         .modelPrediction = awkward(),
                                         .score = awkward(),
                                         .terms = {}};
            one.terms.push_back(
                {.feature = 1, .condition = "region, \"zone\" = süd", .weight = awkward()});
            one.terms.push_back(
                {.feature = 0, .condition = "25 < income <= 35", .weight = awkward()});
            lime.explanations.push_back(std::move(one));
        }
        explanation.result = std::move(lime);
        return explanation;
    }

    explain::Explanation permutation()
    {
        auto explanation = base(explain::ExplainMethod::Permutation, 1);
        explain::PermutationResult permutation;
        permutation.importance.metric = "roc_auc";
        permutation.importance.baseline = awkward();
        for (std::size_t feature = 0; feature < 3; ++feature)
            permutation.importance.features.push_back(
                {.feature = feature, .mean = awkward(), .std = awkward(), .drops = doubles(5)});
        explanation.result = std::move(permutation);
        return explanation;
    }

    explain::Explanation partialDependence(std::size_t outputs)
    {
        auto explanation = base(explain::ExplainMethod::PartialDependence, outputs);
        explain::PartialDependenceResult pdp;
        for (std::size_t feature : {2u, 1u}) {
            explain::PartialDependence curve;
            curve.feature = feature;
            curve.grid = doubles(4);
            curve.outputs = outputs;
            curve.average = doubles(4 * outputs);
            curve.iceRows = {0, 5, 11};
            curve.ice = doubles(3 * 4 * outputs);
            pdp.curves.push_back(std::move(curve));
        }
        explanation.result = std::move(pdp);
        return explanation;
    }

private:
    Random m_random;
};

} // namespace assay::testing
