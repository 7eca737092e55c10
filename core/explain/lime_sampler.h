#pragma once

#include "common/random.h"
#include "explain/quartile_discretizer.h"
#include "model/feature_matrix.h"

#include <cstddef>
#include <span>
#include <vector>

namespace assay::explain {

// The perturbed neighbourhood of one row that LIME fits its local model on.
struct LimeNeighbourhood {
    model::FeatureMatrix samples; // what the model predicts; sample 0 is the row itself
    std::vector<double> binary;   // samples × features: 1 where the sample keeps the row's bin
};

// Draws `count` samples around `row` as lime's LimeTabularExplainer does with
// discretize_continuous: each feature's bin (or category) from its training frequencies, then a
// value inside it, for a numeric bin from a normal with the bin's training mean and std truncated
// to the bin's range (lime's default sample_around_instance=False), a category's code, or a
// missing value for the missing bin. Consumes `random` feature by feature, sample by sample.
LimeNeighbourhood sampleNeighbourhood(const std::vector<DiscretisedFeature> &features,
                                      std::span<const double> row, std::size_t count,
                                      Random &random);

} // namespace assay::explain
