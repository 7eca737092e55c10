#include "explain/background.h"

#include "explain/kmeans.h"

#include <cmath>
#include <limits>
#include <string>

namespace assay::explain {

namespace {

// The code the cluster's rows hold in `column` that is nearest to the centre's mean code (the
// smaller on ties), so the centre stays a valid category; NaN when they hold none.
double nearestPresentCode(const model::FeatureMatrix &data, const Clustering &clustering,
                          std::size_t cluster, std::size_t column)
{
    const double mean = clustering.centres[cluster * data.columns() + column];
    double best = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t r = 0; r < data.rows; ++r) {
        const double code = data.at(r, column);
        if (clustering.assignment[r] != cluster || model::isMissing(code))
            continue;
        const double gap = std::abs(code - mean);
        const double bestGap = std::abs(best - mean);
        if (model::isMissing(best) || gap < bestGap || (gap == bestGap && code < best))
            best = code;
    }
    return best;
}

} // namespace

Background uniformBackground(const model::FeatureMatrix &data)
{
    Background background{.rows = data, .weights = {}};
    background.weights.assign(data.rows, data.rows == 0 ? 0.0 : 1.0 / double(data.rows));
    return background;
}

Result<Background> summarizeBackground(const model::FeatureMatrix &data, std::size_t clusters,
                                       std::uint64_t seed)
{
    if (data.rows == 0)
        return Error::invalidInput("background: the data has no rows to summarise");
    if (clusters == 0)
        return Error::invalidInput("background: clusters must be at least 1");
    if (data.rows <= clusters)
        return uniformBackground(data);

    const Clustering clustering = kMeans(data, clusters, seed);
    const std::size_t columns = data.columns();
    Background background;
    background.rows.features = data.features;
    for (std::size_t k = 0; k < clustering.clusters; ++k) {
        if (clustering.sizes[k] == 0)
            continue;
        for (std::size_t c = 0; c < columns; ++c) {
            const bool categorical = data.features[c].kind == model::FeatureKind::Categorical;
            background.rows.values.push_back(categorical
                                                 ? nearestPresentCode(data, clustering, k, c)
                                                 : clustering.centres[k * columns + c]);
        }
        background.weights.push_back(double(clustering.sizes[k]) / double(data.rows));
        ++background.rows.rows;
    }
    return background;
}

} // namespace assay::explain
