#pragma once

#include "common/result.h"
#include "model/feature_matrix.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace assay::model {

class WorkerPool;

// How one feature's values map to histogram bins (at most 256, so a bin fits a byte).
// Numeric: bin(x) = the number of cuts <= float(x), so "bin <= b" is exactly
// "float(x) < cuts[b]", the test TreeEnsemble applies: a split learned on bins routes the
// training rows the same way when the tree predicts from raw values.
// Categorical: a code below `splitBins` is its own bin; rarer codes beyond that share one
// overflow bin that is never split on (its rows always take the "not equal" side).
struct FeatureBins {
    bool categorical = false;
    std::vector<float> cuts; // numeric only, ascending
    int splitBins = 0;       // bins a split may separate: 0 .. splitBins-1
    int overflowBin = -1;    // categorical codes >= splitBins, or -1
    int missingBin = -1;     // NaN, or -1 when training had no missing value

    int binCount() const { return std::max({splitBins, overflowBin + 1, missingBin + 1}); }
};

// The training rows binned once: row-major bytes, so building a node's histogram reads each
// row's bins from one cache line.
class BinnedMatrix {
public:
    BinnedMatrix(std::size_t rows, std::vector<FeatureBins> features);

    std::size_t rows() const { return m_rows; }
    std::size_t columns() const { return m_features.size(); }
    const FeatureBins &feature(std::size_t column) const { return m_features[column]; }
    const std::uint8_t *row(std::size_t row) const { return m_bins.data() + row * columns(); }
    std::uint8_t bin(std::size_t row, std::size_t column) const
    {
        return m_bins[row * columns() + column];
    }
    std::uint8_t *mutableData() { return m_bins.data(); }

private:
    std::size_t m_rows;
    std::vector<FeatureBins> m_features;
    std::vector<std::uint8_t> m_bins;
};

// Quantile cuts from the training values (every distinct value gets its own bin when there
// are at most `maxBins` of them), then every row binned. InvalidInput names a categorical
// feature holding something other than a category code.
Result<BinnedMatrix> binFeatures(const FeatureMatrix &x, int maxBins, WorkerPool &pool);

// The bin of one value of `feature` (as binFeatures assigned it).
int binOf(const FeatureBins &feature, double value);

} // namespace assay::model
