#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/predictor.h"
#include "model/feature_matrix.h"

#include <cstddef>
#include <vector>

namespace assay::explain {

struct PartialDependenceOptions {
    double lowPercentile = 0.05;
    double highPercentile = 0.95;
    std::size_t gridResolution = 100;
    std::size_t iceRows = 100; // ICE curves kept (evenly spaced rows); all rows feed the average
};

// Partial dependence and ICE curves of one feature.
struct PartialDependence {
    std::size_t feature = 0;
    std::vector<double> grid;     // the feature's values (category codes for a categorical one)
    std::size_t outputs = 0;
    std::vector<double> average;  // grid × outputs: the mean prediction with the feature set
    std::vector<std::size_t> iceRows; // which rows of x the ICE curves follow
    std::vector<double> ice;      // iceRows × grid × outputs
};

// The grid as sklearn.inspection.partial_dependence builds it: the feature's unique values
// when there are fewer than gridResolution, else gridResolution evenly spaced values between
// the two percentiles (scipy's mquantiles with its default alphap = betap = 0.4, as sklearn 1.2
// computes them; not numpy's linear interpolation). A categorical feature's grid is its
// categories present in x. Missing values are left out. InvalidInput when the feature has no
// values.
Result<std::vector<double>> partialDependenceGrid(const model::FeatureMatrix &x, std::size_t feature,
                                                  const PartialDependenceOptions &options);

// Brute-force partial dependence (sklearn's method='brute'): every row of x with the feature
// set to each grid value, predicted, averaged.
Result<PartialDependence> partialDependence(Predictor &predictor, const model::FeatureMatrix &x,
                                            std::size_t feature,
                                            const PartialDependenceOptions &options,
                                            const Progress &progress = {});

} // namespace assay::explain
