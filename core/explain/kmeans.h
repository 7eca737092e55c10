#pragma once

#include "model/feature_matrix.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace assay::explain {

// The outcome of k-means on the rows of a feature matrix.
struct Clustering {
    std::size_t clusters = 0;
    std::vector<double> centres;         // clusters × columns, row-major; NaN: no value seen
    std::vector<std::size_t> assignment; // per row, its cluster
    std::vector<std::size_t> sizes;      // per cluster, its row count (may be 0)
};

// Seeded k-means++ start, then Lloyd iterations until no row changes cluster or the centres
// barely move (at most `maxIterations`). Distances are Euclidean over the numeric columns each
// scaled by its variance, so no unit dominates, plus 1 for each categorical column whose codes
// differ (k-prototypes); a numeric centre is its rows' mean, a categorical one their most common
// code (the smallest on ties), so it stays a valid category. A missing value leaves its column
// out of a distance (the rest scaled up, as scikit-learn's nan_euclidean does) and out of the
// means and modes. Fewer distinct rows than
// `clusters`: fewer clusters. Deterministic for a seed.
Clustering kMeans(const model::FeatureMatrix &data, std::size_t clusters, std::uint64_t seed,
                  std::size_t maxIterations = 300);

} // namespace assay::explain
