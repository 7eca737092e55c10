#pragma once

#include "model/feature_matrix.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace assay::explain {

// One bin of a discretised feature, as LIME draws from it: how many training rows fell in it,
// and the range, mean and std of their values (a numeric bin's samples come from a normal with
// that mean and std truncated to the range).
struct FeatureBin {
    std::size_t count = 0;
    double low = 0;
    double high = 0;
    double mean = 0;
    double std = 0;
};

// A feature of the training data cut into bins. Numeric: edges.size() + 1 bins, bin i holding
// edges[i-1] < v <= edges[i] (lime's QuartileDiscretizer). Categorical: one bin per category
// code. Both end with a bin for missing values.
struct DiscretisedFeature {
    model::FeatureSpec spec;
    std::vector<double> edges;
    std::vector<FeatureBin> bins;

    std::size_t missingBin() const { return bins.size() - 1; }
    // The bin `value` falls in (the missing bin for NaN).
    std::size_t binOf(double value) const;
    // The bin as a person reads it: "age <= 35.00", "35.00 < age <= 47.00", "age > 61.00",
    // "purpose = car", "age is missing".
    std::string condition(std::size_t bin) const;
};

// The distinct 25th, 50th and 75th percentiles of `values` with numpy's default (linear)
// interpolation, ignoring NaN: np.unique(np.percentile(values, [25, 50, 75])). Empty when no
// value is present.
std::vector<double> quartileEdges(std::span<const double> values);

// Discretises column `feature` of `training`.
DiscretisedFeature discretiseFeature(const model::FeatureMatrix &training, std::size_t feature);

} // namespace assay::explain
