#include "explain/lime.h"
#include "explain/prediction_shape.h"

#include "explain/lime_sampler.h"
#include "explain/quartile_discretizer.h"
#include "explain/seed_mix.h"
#include "explain/weighted_ridge.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
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
// |coef · x₀| is |coef|.) maxFeatures = 0 or >= the feature count keeps every feature.
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

// Seeding from the row's values rather than its position gives a row the same explanation in
// whatever batch, or order, it is explained.
std::uint64_t rowSeed(std::span<const double> row)
{
    std::uint64_t seed = row.size();
    constexpr double canonicalMissing = std::numeric_limits<double>::quiet_NaN();
    for (double value : row)
        seed = deriveSeed(
            seed, std::bit_cast<std::uint64_t>(model::isMissing(value) ? canonicalMissing : value));
    return seed;
}

std::size_t explainedOutput(const Predictions &predictions)
{
    std::size_t best = 0;
    for (std::size_t o = 1; o < predictions.outputs; ++o)
        if (predictions.at(0, o) > predictions.at(0, best))
            best = o;
    return best;
}

Result<LimeExplanation> explainRow(Predictor &predictor,
                                   const std::vector<DiscretisedFeature> &features,
                                   std::span<const double> row, std::size_t rowIndex,
                                   const LimeOptions &options, const Progress &progress)
{
    Random random(deriveSeed(options.seed, rowSeed(row)));
    const LimeNeighbourhood neighbourhood =
        sampleNeighbourhood(features, row, options.samples, random);
    auto predictions = predictor.predict(neighbourhood.samples, progress);
    if (!predictions)
        return predictions.error();
    ASSAY_TRY(checkPredictionShape(*predictions, options.samples, 0, "LIME"));

    LimeExplanation explanation;
    explanation.row = rowIndex;
    explanation.output = explainedOutput(*predictions);
    std::vector<double> target(options.samples);
    for (std::size_t s = 0; s < options.samples; ++s)
        target[s] = predictions->at(s, explanation.output);
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
    if (!(options.kernelWidth >= 0) || !(options.ridgeAlpha >= 0))
        return Error::invalidInput("LIME: kernel width and ridge alpha must not be negative");

    std::vector<DiscretisedFeature> features;
    for (std::size_t f = 0; f < training.columns(); ++f)
        features.push_back(discretiseFeature(training, f));

    std::vector<LimeExplanation> explanations;
    for (std::size_t r = 0; r < x.rows; ++r) {
        if (progress.isCancelled())
            return Error::cancelled();
        auto explanation = explainRow(predictor, features, x.row(r), r, options, progress);
        if (!explanation)
            return explanation.error();
        explanations.push_back(std::move(*explanation));
        progress.report(double(r + 1) / double(x.rows), "LIME");
    }
    return explanations;
}

} // namespace assay::explain
