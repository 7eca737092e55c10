#include "model/metric_parts.h"

#include <algorithm>

namespace assay::model::metrics {

namespace {
constexpr int kBins = 10;
}

std::vector<CalibrationBin> calibrationCurve(std::span<const double> probabilities,
                                             const Positives &positive)
{
    // Edges i * 0.1 exactly as numpy's linspace(0, 1, 11) computes them, so a prediction on an
    // edge falls into the same bin as in sklearn: bin b holds (edge[b], edge[b+1]].
    double edges[kBins + 1];
    for (int i = 0; i < kBins; ++i)
        edges[i] = i * (1.0 / kBins);
    edges[kBins] = 1.0;
    double sums[kBins] = {};
    double positives[kBins] = {};
    std::int64_t counts[kBins] = {};
    for (std::size_t row = 0; row < probabilities.size(); ++row) {
        const double p = probabilities[row];
        const int bin =
            static_cast<int>(std::lower_bound(edges + 1, edges + kBins, p) - (edges + 1));
        sums[bin] += p;
        positives[bin] += positive[row];
        ++counts[bin];
    }
    std::vector<CalibrationBin> bins;
    for (int b = 0; b < kBins; ++b)
        if (counts[b] > 0)
            bins.push_back({edges[b], edges[b + 1], sums[b] / double(counts[b]),
                            positives[b] / double(counts[b]), counts[b]});
    return bins;
}

} // namespace assay::model::metrics
