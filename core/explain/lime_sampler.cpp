#include "explain/lime_sampler.h"

#include "explain/truncated_normal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace assay::explain {

namespace {

// A bin drawn with probability proportional to its training count.
std::size_t drawBin(const std::vector<std::size_t> &cumulativeCounts, Random &random)
{
    const auto total = static_cast<double>(cumulativeCounts.back());
    const auto target = static_cast<std::size_t>(std::floor(random.uniform() * total));
    return static_cast<std::size_t>(
        std::upper_bound(cumulativeCounts.begin(), cumulativeCounts.end(), target) -
        cumulativeCounts.begin());
}

double drawValue(const DiscretisedFeature &feature, std::size_t bin, Random &random)
{
    if (bin == feature.missingBin())
        return std::numeric_limits<double>::quiet_NaN();
    if (feature.spec.kind == model::FeatureKind::Categorical)
        return static_cast<double>(bin);
    const FeatureBin &range = feature.bins[bin];
    return truncatedNormal(random, range.mean, range.std, range.low, range.high);
}

} // namespace

LimeNeighbourhood sampleNeighbourhood(const std::vector<DiscretisedFeature> &features,
                                      std::span<const double> row, std::size_t count,
                                      Random &random)
{
    const std::size_t columns = features.size();
    LimeNeighbourhood neighbourhood;
    neighbourhood.samples.rows = count;
    for (const auto &feature : features)
        neighbourhood.samples.features.push_back(feature.spec);
    neighbourhood.samples.values.assign(count * columns, 0.0);
    neighbourhood.binary.assign(count * columns, 0.0);
    if (count == 0)
        return neighbourhood;

    std::copy(row.begin(), row.end(), neighbourhood.samples.values.begin());
    std::fill_n(neighbourhood.binary.begin(), columns, 1.0);
    for (std::size_t f = 0; f < columns; ++f) {
        const DiscretisedFeature &feature = features[f];
        std::vector<std::size_t> cumulativeCounts;
        std::size_t running = 0;
        for (const FeatureBin &bin : feature.bins)
            cumulativeCounts.push_back(running += bin.count);
        const std::size_t rowBin = feature.binOf(row[f]);
        for (std::size_t s = 1; s < count; ++s) {
            const std::size_t bin = drawBin(cumulativeCounts, random);
            neighbourhood.binary[s * columns + f] = bin == rowBin ? 1.0 : 0.0;
            neighbourhood.samples.values[s * columns + f] = drawValue(feature, bin, random);
        }
    }
    return neighbourhood;
}

} // namespace assay::explain
