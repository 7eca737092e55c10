#include "explain/quartile_discretizer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace assay::explain {

namespace {

std::string formatEdge(double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

// numpy's percentile with linear interpolation on sorted values, including its way of
// interpolating from the nearer end (numpy's _lerp), so the edges match to the last bit.
double percentileOfSorted(const std::vector<double> &sorted, double percent)
{
    const double position = percent / 100.0 * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double t = position - static_cast<double>(below);
    const double difference = sorted[above] - sorted[below];
    return t >= 0.5 ? sorted[above] - difference * (1 - t) : sorted[below] + difference * t;
}

void summariseBins(const std::vector<std::vector<double>> &members, DiscretisedFeature &feature)
{
    for (std::size_t b = 0; b < members.size(); ++b) {
        FeatureBin &bin = feature.bins[b];
        bin.count = members[b].size();
        if (members[b].empty() || b == feature.missingBin())
            continue;
        double sum = 0;
        for (double v : members[b])
            sum += v;
        bin.mean = sum / static_cast<double>(bin.count);
        double squares = 0;
        for (double v : members[b])
            squares += (v - bin.mean) * (v - bin.mean);
        // lime adds the same tiny amount so a bin of one value still has a (degenerate) spread.
        bin.std = std::sqrt(squares / static_cast<double>(bin.count)) + 1e-11;
    }
}

} // namespace

std::vector<double> quartileEdges(std::span<const double> values)
{
    std::vector<double> sorted;
    sorted.reserve(values.size());
    for (double v : values)
        if (!model::isMissing(v))
            sorted.push_back(v);
    if (sorted.empty())
        return {};
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> edges{percentileOfSorted(sorted, 25), percentileOfSorted(sorted, 50),
                              percentileOfSorted(sorted, 75)};
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return edges;
}

std::size_t DiscretisedFeature::binOf(double value) const
{
    if (model::isMissing(value))
        return missingBin();
    if (spec.kind == model::FeatureKind::Categorical) {
        if (!(value >= 0 && value < static_cast<double>(missingBin())))
            return missingBin();
        return static_cast<std::size_t>(value);
    }
    // numpy.searchsorted(edges, value, side='left'): the first edge >= value.
    return static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), value) -
                                    edges.begin());
}

std::string DiscretisedFeature::condition(std::size_t bin) const
{
    const std::string &name = spec.name;
    if (bin == missingBin())
        return name + " is missing";
    if (spec.kind == model::FeatureKind::Categorical)
        return name + " = " + spec.categories[bin];
    if (edges.empty())
        return name + " is present";
    if (bin == 0)
        return name + " <= " + formatEdge(edges.front());
    if (bin == edges.size())
        return name + " > " + formatEdge(edges.back());
    return formatEdge(edges[bin - 1]) + " < " + name + " <= " + formatEdge(edges[bin]);
}

DiscretisedFeature discretiseFeature(const model::FeatureMatrix &training, std::size_t feature)
{
    DiscretisedFeature discretised;
    discretised.spec = training.features[feature];
    std::vector<double> column(training.rows);
    for (std::size_t r = 0; r < training.rows; ++r)
        column[r] = training.at(r, feature);

    std::size_t valueBins = discretised.spec.categories.size();
    if (discretised.spec.kind == model::FeatureKind::Numeric) {
        discretised.edges = quartileEdges(column);
        valueBins = discretised.edges.size() + 1;
    }
    discretised.bins.resize(valueBins + 1);
    std::vector<std::vector<double>> members(discretised.bins.size());
    for (double v : column)
        members[discretised.binOf(v)].push_back(v);
    summariseBins(members, discretised);

    if (discretised.spec.kind == model::FeatureKind::Numeric && !discretised.edges.empty()) {
        // A bin's range: from the previous edge (the training minimum for the first) to its
        // edge (the maximum for the last).
        const auto [lowest, highest] =
            std::minmax_element(discretised.edges.begin(), discretised.edges.end());
        double minimum = *lowest, maximum = *highest;
        for (double v : column)
            if (!model::isMissing(v)) {
                minimum = std::min(minimum, v);
                maximum = std::max(maximum, v);
            }
        for (std::size_t b = 0; b < valueBins; ++b) {
            discretised.bins[b].low = b == 0 ? minimum : discretised.edges[b - 1];
            discretised.bins[b].high = b + 1 == valueBins ? maximum : discretised.edges[b];
        }
    }
    return discretised;
}

} // namespace assay::explain
