#pragma once

#include "common/result.h"
#include "model/feature_matrix.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace assay::explain {

// The rows that stand for "feature unknown" in KernelSHAP and interventional TreeSHAP, each
// with a weight; the weights sum to 1.
struct Background {
    model::FeatureMatrix rows;
    std::vector<double> weights;
};

// Every row of `data` with equal weight.
Background uniformBackground(const model::FeatureMatrix &data);

// Summarises `data` by k-means with `clusters` centres (seeded k-means++ start, Lloyd
// iterations), each centre weighted by its cluster's share of the rows. A categorical
// feature's centre value is the nearest value the cluster's rows hold, so it stays a valid
// category code; missing values are left out of the means. Fewer rows than clusters: the rows
// themselves. InvalidInput when `data` has no rows.
Result<Background> summarizeBackground(const model::FeatureMatrix &data, std::size_t clusters,
                                       std::uint64_t seed);

} // namespace assay::explain
