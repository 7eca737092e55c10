#include "explain/lime.h"

#include "explain/batch_limits.h"
#include "explain/lime_sampler.h"
#include "explain/prediction_shape.h"
#include "explain/quartile_discretizer.h"
#include "explain/seed_mix.h"
#include "explain/weighted_ridge.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::explain {

namespace {

// lime's "highest_weights" selection fits all features with this light ridge first.
constexpr double kSelectionAlpha = 0.01;

// The columns of `binary` (samples × columns) listed in `keep`, row-major.
std::vector<double> selectColumns(const std::vector<double> &binary, std::size_t columns,
                                  const std::vector<std::size_t> &keep)
{
    const std::size_t samples = binary.size() / columns;
    std::vector<double> selected;
    selected.reserve(samples * keep.size());
    for (std::size_t s = 0; s < samples; ++s)
        for (std::size_t c : keep)
            selected.push_back(binary[s * columns + c]);
    return selected;
}

// lime's feature_selection="highest_weights": the features whose weight, in a ridge fit on all of
// them, is largest in magnitude. (The row's binary representation is all ones, so lime's
// |coef · x₀| is |coef|.) lime's default, "auto", uses forward selection instead when it keeps
// at most 6 features, so with maxFeatures <= 6 the features kept may differ from lime's.
// maxFeatures = 0 or >= the feature count keeps every feature.
std::vector<std::size_t> selectFeatures(const LimeNeighbourhood &neighbourhood,
                                        std::span<const double> target,
                                        std::span<const double> weights, std::size_t maxFeatures)
{
    const std::size_t columns = neighbourhood.samples.columns();
    std::vector<std::size_t> order(columns);
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (maxFeatures == 0 || maxFeatures >= columns)
        return order;
    const RidgeFit all =
        fitWeightedRidge(neighbourhood.binary, columns, target, weights, kSelectionAlpha);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(all.coefficients[a]) > std::abs(all.coefficients[b]);
    });
    order.resize(maxFeatures);
    std::sort(order.begin(), order.end());
    return order;
}

// The output a row's explanation follows: the largest at the row itself (sample 0), i.e. the
// predicted class; 0 for a single output.
std::size_t explainedOutput(std::span<const double> rowPrediction)
{
    return std::size_t(std::max_element(rowPrediction.begin(), rowPrediction.end()) -
                       rowPrediction.begin());
}

// A row's neighbourhood waiting for its predictions.
struct PendingRow {
    std::size_t index = 0;
    LimeNeighbourhood neighbourhood;
};

LimeNeighbourhood sampleRow(const std::vector<DiscretisedFeature> &features,
                            std::span<const double> row, const LimeOptions &options)
{
    // Seeded from the row's values, not its position: the same explanation in any batch or order.
    Random random(rowSeed(options.seed, row));
    return sampleNeighbourhood(features, row, options.samples, random);
}

// Fits the local model of one row from its neighbourhood's predictions (samples × outputs).
LimeExplanation fitRow(const std::vector<DiscretisedFeature> &features, std::span<const double> row,
                       const PendingRow &pending, std::span<const double> predictions,
                       std::size_t outputs, const LimeOptions &options)
{
    const LimeNeighbourhood &neighbourhood = pending.neighbourhood;
    LimeExplanation explanation;
    explanation.row = pending.index;
    explanation.output = explainedOutput(predictions.first(outputs));
    std::vector<double> target(options.samples);
    for (std::size_t s = 0; s < options.samples; ++s)
        target[s] = predictions[s * outputs + explanation.output];
    explanation.modelPrediction = target[0];

    // Distance on the binary representation, to the row's all-ones; lime's kernel
    // sqrt(exp(-d²/width²)).
    const std::size_t columns = features.size();
    const double width =
        options.kernelWidth > 0 ? options.kernelWidth : 0.75 * std::sqrt(double(columns));
    std::vector<double> weights(options.samples);
    for (std::size_t s = 0; s < options.samples; ++s) {
        double squaredDistance = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            const double d = neighbourhood.binary[s * columns + c] - 1.0;
            squaredDistance += d * d;
        }
        weights[s] = std::sqrt(std::exp(-squaredDistance / (width * width)));
    }

    const std::vector<std::size_t> used =
        selectFeatures(neighbourhood, target, weights, options.maxFeatures);
    const std::vector<double> design = selectColumns(neighbourhood.binary, columns, used);
    const RidgeFit fit = fitWeightedRidge(design, used.size(), target, weights, options.ridgeAlpha);
    std::vector<double> fitted(options.samples);
    for (std::size_t s = 0; s < options.samples; ++s)
        fitted[s] = fit.predict(std::span(design).subspan(s * used.size(), used.size()));
    explanation.intercept = fit.intercept;
    explanation.localPrediction = fitted[0];
    explanation.score = weightedR2(target, fitted, weights);

    for (std::size_t i = 0; i < used.size(); ++i) {
        const DiscretisedFeature &feature = features[used[i]];
        explanation.terms.push_back({.feature = used[i],
                                     .condition = feature.condition(feature.binOf(row[used[i]])),
                                     .weight = fit.coefficients[i]});
    }
    std::stable_sort(explanation.terms.begin(), explanation.terms.end(),
                     [](const LimeTerm &a, const LimeTerm &b) {
                         return std::abs(a.weight) > std::abs(b.weight);
                     });
    return explanation;
}

// Predicts the neighbourhoods of `pending` in one call and fits each row.
Status explainGroup(Predictor &predictor, const std::vector<DiscretisedFeature> &features,
                    const model::FeatureMatrix &x, const std::vector<PendingRow> &pending,
                    const LimeOptions &options, const Progress &progress,
                    std::vector<LimeExplanation> &explanations)
{
    model::FeatureMatrix samples{.rows = 0, .features = x.features, .values = {}};
    samples.values.reserve(pending.size() * options.samples * x.columns());
    for (const PendingRow &row : pending) {
        samples.rows += row.neighbourhood.samples.rows;
        samples.values.insert(samples.values.end(), row.neighbourhood.samples.values.begin(),
                              row.neighbourhood.samples.values.end());
    }
    auto predictions = predictor.predict(samples, progress);
    if (!predictions)
        return predictions.error();
    ASSAY_TRY(checkPredictionShape(*predictions, samples.rows, 0, "LIME"));
    const std::size_t outputs = predictions->outputs;
    const std::size_t rowValues = options.samples * outputs;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const auto rowPredictions =
            std::span<const double>(predictions->values).subspan(i * rowValues, rowValues);
        explanations.push_back(fitRow(features, x.row(pending[i].index), pending[i], rowPredictions,
                                      outputs, options));
    }
    return {};
}

} // namespace

Result<std::vector<LimeExplanation>>
explainLime(Predictor &predictor, const model::FeatureMatrix &training,
            const model::FeatureMatrix &x, const LimeOptions &options, const Progress &progress)
{
    if (training.rows == 0)
        return Error::invalidInput("LIME: the training data has no rows");
    if (training.features != x.features)
        return Error::invalidInput("LIME: the training data and the explained rows have "
                                   "different features");
    if (options.samples < 2)
        return Error::invalidInput("LIME: samples must be at least 2, not " +
                                   std::to_string(options.samples));
    if (!(options.kernelWidth >= 0) || !std::isfinite(options.kernelWidth))
        return Error::invalidInput("LIME: the kernel width must be a number >= 0 (0: automatic)");
    // A positive penalty keeps the local fit unique when a feature never leaves the row's bin
    // (a constant training column, say) and its centred column is all zeros.
    if (!(options.ridgeAlpha > 0) || !std::isfinite(options.ridgeAlpha))
        return Error::invalidInput("LIME: ridge alpha must be a number > 0");
    // The predictor's own progress would fight ours; it only shares the cancellation.
    const Progress predictorProgress({}, progress.token());

    std::vector<DiscretisedFeature> features;
    for (std::size_t f = 0; f < training.columns(); ++f)
        features.push_back(discretiseFeature(training, f));

    // Several rows' neighbourhoods go to the predictor together (an external command starts
    // rarely); each row keeps its own seed, so grouping changes no result.
    const std::size_t rowValues = std::max<std::size_t>(1, options.samples * x.columns());
    const std::size_t rowsPerCall = std::max<std::size_t>(1, kSampleBatchValues / rowValues);
    std::vector<LimeExplanation> explanations;
    std::vector<PendingRow> pending;
    for (std::size_t r = 0; r < x.rows; ++r) {
        if (progress.isCancelled())
            return Error::cancelled();
        pending.push_back({.index = r, .neighbourhood = sampleRow(features, x.row(r), options)});
        if (pending.size() == rowsPerCall || r + 1 == x.rows) {
            ASSAY_TRY(explainGroup(predictor, features, x, pending, options, predictorProgress,
                                   explanations));
            pending.clear();
            progress.report(double(r + 1) / double(x.rows), "LIME");
        }
    }
    return explanations;
}

} // namespace assay::explain
