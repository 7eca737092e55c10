#include "explain/kernel_shap.h"

#include "common/random.h"
#include "explain/batch_limits.h"
#include "explain/coalition_values.h"
#include "explain/efficient_least_squares.h"
#include "explain/prediction_shape.h"
#include "explain/seed_mix.h"

#include <cmath>
#include <string>

namespace assay::explain {

namespace {

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

// The features whose value differs from at least one background row. The others change no
// prediction whether known or not, so their contribution is 0 and they are left out of the fit.
std::vector<std::size_t> varyingFeatures(std::span<const double> row,
                                         const model::FeatureMatrix &background)
{
    std::vector<std::size_t> varying;
    for (std::size_t f = 0; f < row.size(); ++f)
        for (std::size_t b = 0; b < background.rows; ++b)
            if (!sameValue(row[f], background.at(b, f))) {
                varying.push_back(f);
                break;
            }
    return varying;
}

std::vector<double> weightedMean(const Predictions &predictions, std::span<const double> weights)
{
    std::vector<double> mean(predictions.outputs, 0.0);
    double total = 0;
    for (std::size_t r = 0; r < predictions.rows; ++r) {
        total += weights[r];
        for (std::size_t o = 0; o < predictions.outputs; ++o)
            mean[o] += weights[r] * predictions.at(r, o);
    }
    for (double &value : mean)
        value /= total;
    return mean;
}

} // namespace

Result<ShapValues> kernelShap(Predictor &predictor, const Background &background,
                              const model::FeatureMatrix &x, const KernelShapOptions &options,
                              const Progress &progress)
{
    ASSAY_TRY(validateBackground(background, x.columns(), "KernelSHAP"));
    // The predictor's own progress would fight ours; it only shares the cancellation.
    const Progress predictorProgress({}, progress.token());
    auto backgroundPredictions = predictor.predict(background.rows, predictorProgress);
    if (!backgroundPredictions)
        return backgroundPredictions.error();
    ASSAY_TRY(checkPredictionShape(*backgroundPredictions, background.rows.rows, 0,
                                   "KernelSHAP (background)"));
    const std::size_t outputs = backgroundPredictions->outputs;
    const std::vector<double> empty = weightedMean(*backgroundPredictions, background.weights);

    ShapValues shap{.rows = x.rows, .outputs = outputs, .features = x.columns(), .values = {}};
    shap.values.assign(shap.rows * outputs * shap.width(), 0.0);
    if (x.rows == 0)
        return shap;
    auto rowPredictions = predictor.predict(x, predictorProgress);
    if (!rowPredictions)
        return rowPredictions.error();
    ASSAY_TRY(checkPredictionShape(*rowPredictions, x.rows, outputs, "KernelSHAP (rows)"));

    std::vector<CoalitionQuery> group;
    std::vector<std::size_t> groupRows;
    std::size_t groupCells = 0;
    std::size_t rowsDone = 0;
    const auto explainGroup = [&]() -> Status {
        auto values = evaluateCoalitions(predictor, background, group, outputs, kSampleBatchValues,
                                         predictorProgress);
        if (!values)
            return values.error();
        for (std::size_t q = 0; q < group.size(); ++q) {
            const std::size_t row = groupRows[q];
            const std::span<const double> full(rowPredictions->values.data() + row * outputs,
                                               outputs);
            const std::vector<double> phi =
                solveEfficientLeastSquares(group[q].coalitions, (*values)[q], full, empty);
            for (std::size_t o = 0; o < outputs; ++o) {
                const auto contributions = shap.of(row, o);
                for (std::size_t p = 0; p < group[q].players.size(); ++p)
                    contributions[group[q].players[p]] = phi[p * outputs + o];
                contributions[shap.features] = empty[o];
            }
        }
        rowsDone += group.size();
        progress.report(double(rowsDone) / double(x.rows), "KernelSHAP");
        group.clear();
        groupRows.clear();
        groupCells = 0;
        return {};
    };

    const std::size_t cellsPerCoalition =
        background.rows.rows * std::max<std::size_t>(1, x.columns());
    for (std::size_t r = 0; r < x.rows; ++r) {
        if (progress.isCancelled())
            return Error::cancelled();
        CoalitionQuery query{.row = x.row(r),
                             .players = varyingFeatures(x.row(r), background.rows),
                             .coalitions = {}};
        const std::size_t players = query.players.size();
        const std::size_t budget = options.coalitions ? options.coalitions : 2 * players + 2048;
        // Each row draws from its own stream, so its explanation does not depend on the others.
        Random random(rowSeed(options.seed, query.row));
        query.coalitions = sampleCoalitions(players, budget, random);
        const std::size_t cells = query.coalitions.count() * cellsPerCoalition;
        if (!group.empty() && groupCells + cells > kSampleBatchValues)
            ASSAY_TRY(explainGroup());
        group.push_back(std::move(query));
        groupRows.push_back(r);
        groupCells += cells;
    }
    ASSAY_TRY(explainGroup());
    return shap;
}

} // namespace assay::explain
