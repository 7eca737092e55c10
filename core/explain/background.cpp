#include "explain/background.h"

#include "explain/kmeans.h"

#include <cmath>
#include <span>
#include <string>

namespace assay::explain {

Status validateBackground(const Background &background, std::size_t columns,
                          std::string_view explainer)
{
    const std::string prefix = std::string(explainer) + ": the background ";
    if (background.rows.rows == 0)
        return Error::invalidInput(prefix + "has no rows");
    if (background.rows.columns() != columns)
        return Error::invalidInput(prefix + "has " + std::to_string(background.rows.columns()) +
                                   " columns, the data " + std::to_string(columns));
    if (background.weights.size() != background.rows.rows)
        return Error::invalidInput(prefix + "has " + std::to_string(background.rows.rows) +
                                   " rows but " + std::to_string(background.weights.size()) +
                                   " weights");
    double total = 0;
    for (std::size_t b = 0; b < background.weights.size(); ++b) {
        const double weight = background.weights[b];
        if (!std::isfinite(weight) || weight < 0)
            return Error::invalidInput(prefix + "weight of row " + std::to_string(b + 1) +
                                       " is negative or not finite");
        total += weight;
    }
    if (!(total > 0) || !std::isfinite(total))
        return Error::invalidInput(prefix + "weights do not add up to a positive number");
    return {};
}

std::vector<double> normalizedWeights(const Background &background)
{
    double total = 0;
    for (double weight : background.weights)
        total += weight;
    std::vector<double> weights = background.weights;
    for (double &weight : weights)
        weight /= total;
    return weights;
}

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
        const auto centre = std::span(clustering.centres).subspan(k * columns, columns);
        background.rows.values.insert(background.rows.values.end(), centre.begin(), centre.end());
        background.weights.push_back(double(clustering.sizes[k]) / double(data.rows));
        ++background.rows.rows;
    }
    return background;
}

} // namespace assay::explain
