#pragma once

#include "common/result.h"
#include "model/feature_matrix.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace assay::explain {

// The rows that stand for "feature unknown" in KernelSHAP and interventional TreeSHAP, each
// with a weight; the weights sum to 1.
struct Background {
    model::FeatureMatrix rows;
    std::vector<double> weights;
};

// Checks that `background` fits data of `columns` features: it has rows, one weight per row,
// and its weights are finite, not negative and add up to more than 0. InvalidInput naming
// `explainer` otherwise.
Status validateBackground(const Background &background, std::size_t columns,
                          std::string_view explainer);

// The weights of a valid background scaled to sum to 1.
std::vector<double> normalizedWeights(const Background &background);

// Every row of `data` with equal weight.
Background uniformBackground(const model::FeatureMatrix &data);

// Summarises `data` by k-means with `clusters` centres (seeded k-means++ start, Lloyd
// iterations), each centre weighted by its cluster's share of the rows. A categorical
// feature's centre value is the cluster's most common code (k-means compares codes by
// mismatch), so it stays a valid category; missing values are left out of the means. Fewer rows
// than clusters: the rows themselves. InvalidInput when `data` has no rows.
Result<Background> summarizeBackground(const model::FeatureMatrix &data, std::size_t clusters,
                                       std::uint64_t seed);

} // namespace assay::explain
