#pragma once

#include "model/feature_matrix.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace assay::model::cart {

// The training features as the trees' splits see them: one column per feature, each value
// rounded to float (TreeNode compares floats), NaN for missing.
struct SplitColumns {
    std::size_t rows = 0;
    std::vector<std::vector<float>> values;
    std::vector<bool> categorical;
    std::vector<std::size_t> categoryCounts; // categorical: codes run from 0 to count - 1

    static SplitColumns from(const FeatureMatrix &x);
};

enum class Criterion { Gini, Entropy, SquaredError };

// What a split should separate: the rows' targets (class index or value) and weights (bootstrap
// counts; 0 leaves a row out).
struct SplitProblem {
    Criterion criterion = Criterion::Gini;
    std::size_t classCount = 0; // 0 for regression
    std::span<const double> y;
    std::span<const double> weights;

    // Statistics of a set of rows, `width()` doubles: [0] the total weight, then the weight of
    // each class (classification) or the weighted sum of targets (regression).
    std::size_t width() const { return classCount == 0 ? 2 : 1 + classCount; }
    void add(std::uint32_t row, std::span<double> stats) const;
    // The criterion's impurity of the set times its weight, so that a split's gain is
    // cost(parent) - cost(left) - cost(right). Squared error drops the constant Σwy².
    double cost(std::span<const double> stats) const;
};

struct Split {
    std::size_t feature = 0;
    bool categorical = false;
    float threshold = 0; // numeric: x < threshold goes left; categorical: x == threshold does
    bool defaultLeft = true;
    double gain = 0;
};

// Reusable buffers, one set per thread.
struct SplitScratch {
    std::vector<std::pair<float, std::uint32_t>> sorted;
    std::vector<double> stats;
};

// The best split of `rows` on `feature`, one whose children both weigh at least `minLeafWeight`
// and whose gain exceeds `minGain`; nullopt when there is none. Missing values are tried on both
// sides; when the node has none they go to the heavier child. Ties keep the first split found.
std::optional<Split> bestSplit(const SplitProblem &problem, const SplitColumns &columns,
                               std::size_t feature, std::span<const std::uint32_t> rows,
                               std::span<const double> parentStats, double minLeafWeight,
                               double minGain, SplitScratch &scratch);

// Whether `value` (a float-rounded feature value) goes to the left child.
inline bool goesLeft(const Split &split, float value)
{
    if (std::isnan(value))
        return split.defaultLeft;
    return split.categorical ? value == split.threshold : value < split.threshold;
}

} // namespace assay::model::cart
