#include "explain/partial_dependence.h"
#include "explain/batch_limits.h"
#include "explain/prediction_shape.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace assay::explain {

namespace {

// scipy.stats.mstats.mquantiles(values, prob=[p]) with its defaults alphap = betap = 0.4, as
// sklearn 1.2's _grid_from_X calls it; `sorted` holds the present values in order.
double mquantile(const std::vector<double> &sorted, double p)
{
    constexpr double alphap = 0.4, betap = 0.4;
    const auto n = static_cast<double>(sorted.size());
    if (sorted.size() == 1)
        return sorted.front();
    const double m = alphap + p * (1.0 - alphap - betap);
    const double aleph = n * p + m;
    const auto k = static_cast<std::size_t>(std::floor(std::clamp(aleph, 1.0, n - 1)));
    const double gamma = std::clamp(aleph - static_cast<double>(k), 0.0, 1.0);
    return (1.0 - gamma) * sorted[k - 1] + gamma * sorted[k];
}

// numpy.linspace(start, stop, count) (count >= 2), value for value.
std::vector<double> linspace(double start, double stop, std::size_t count)
{
    const double step = (stop - start) / static_cast<double>(count - 1);
    std::vector<double> values(count);
    for (std::size_t i = 0; i < count; ++i)
        values[i] = static_cast<double>(i) * step + start;
    values.back() = stop;
    return values;
}

bool allClose(double a, double b)
{
    return std::abs(a - b) <= 1e-8 + 1e-5 * std::abs(b);
}

std::string featureName(const model::FeatureMatrix &x, std::size_t feature)
{
    return "'" + x.features[feature].name + "'";
}

} // namespace

Result<std::vector<double>> partialDependenceGrid(const model::FeatureMatrix &x,
                                                  std::size_t feature,
                                                  const PartialDependenceOptions &options)
{
    if (feature >= x.columns())
        return Error::invalidInput("partial dependence: no feature " + std::to_string(feature) +
                                   " (the data has " + std::to_string(x.columns()) + ")");
    if (options.gridResolution <= 1)
        return Error::invalidInput("partial dependence: grid resolution must be above 1");
    if (!(0 <= options.lowPercentile && options.lowPercentile < options.highPercentile &&
          options.highPercentile <= 1))
        return Error::invalidInput("partial dependence: percentiles must satisfy 0 <= low < "
                                   "high <= 1");

    std::vector<double> sorted;
    for (std::size_t r = 0; r < x.rows; ++r)
        if (const double v = x.at(r, feature); !model::isMissing(v))
            sorted.push_back(v);
    if (sorted.empty())
        return Error::invalidInput("partial dependence: feature " + featureName(x, feature) +
                                   " has no values");
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> uniques = sorted;
    uniques.erase(std::unique(uniques.begin(), uniques.end()), uniques.end());
    if (x.features[feature].kind == model::FeatureKind::Categorical ||
        uniques.size() < options.gridResolution)
        return uniques;

    const double low = mquantile(sorted, options.lowPercentile);
    const double high = mquantile(sorted, options.highPercentile);
    if (allClose(low, high))
        return Error::invalidInput("partial dependence: the percentiles of feature " +
                                   featureName(x, feature) +
                                   " are too close to build a grid; choose percentiles further "
                                   "apart");
    return linspace(low, high, options.gridResolution);
}

Result<PartialDependence> partialDependence(Predictor &predictor, const model::FeatureMatrix &x,
                                            std::size_t feature,
                                            const PartialDependenceOptions &options,
                                            const Progress &progress)
{
    auto grid = partialDependenceGrid(x, feature, options);
    if (!grid)
        return grid.error();
    PartialDependence result;
    result.feature = feature;
    result.grid = std::move(*grid);
    const std::size_t gridSize = result.grid.size();
    const std::size_t iceCount = std::min(options.iceRows, x.rows);
    for (std::size_t i = 0; i < iceCount; ++i)
        result.iceRows.push_back(i * x.rows / iceCount);

    // Pairs (grid point g, row r) in the order g·rows + r, predicted in bounded batches.
    const std::size_t pairs = gridSize * x.rows;
    const std::size_t batchRows =
        std::max<std::size_t>(1, kBatchValues / std::max<std::size_t>(1, x.columns()));
    std::vector<double> sums;
    std::vector<std::size_t> iceSlot(x.rows, iceCount); // a row's ICE index, iceCount if none
    for (std::size_t i = 0; i < iceCount; ++i)
        iceSlot[result.iceRows[i]] = i;
    for (std::size_t begin = 0; begin < pairs; begin += batchRows) {
        if (progress.isCancelled())
            return Error::cancelled();
        const std::size_t end = std::min(pairs, begin + batchRows);
        model::FeatureMatrix batch{.rows = end - begin, .features = x.features, .values = {}};
        batch.values.reserve(batch.rows * x.columns());
        for (std::size_t pair = begin; pair < end; ++pair) {
            const auto row = x.row(pair % x.rows);
            batch.values.insert(batch.values.end(), row.begin(), row.end());
            batch.values[(pair - begin) * x.columns() + feature] = result.grid[pair / x.rows];
        }
        auto predictions = predictor.predict(batch, progress);
        if (!predictions)
            return predictions.error();
        ASSAY_TRY(
            checkPredictionShape(*predictions, batch.rows, result.outputs, "partial dependence"));
        if (result.outputs == 0) {
            result.outputs = predictions->outputs;
            sums.assign(gridSize * result.outputs, 0.0);
            result.ice.assign(iceCount * gridSize * result.outputs, 0.0);
        }
        for (std::size_t pair = begin; pair < end; ++pair) {
            const std::size_t g = pair / x.rows, slot = iceSlot[pair % x.rows];
            for (std::size_t o = 0; o < result.outputs; ++o) {
                const double value = predictions->at(pair - begin, o);
                sums[g * result.outputs + o] += value;
                if (slot < iceCount)
                    result.ice[(slot * gridSize + g) * result.outputs + o] = value;
            }
        }
        progress.report(double(end) / double(pairs), "partial dependence");
    }
    result.average = std::move(sums);
    for (double &value : result.average)
        value /= static_cast<double>(x.rows);
    return result;
}

} // namespace assay::explain
