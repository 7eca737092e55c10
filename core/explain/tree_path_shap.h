#pragma once

#include "model/tree_ensemble.h"

#include <cstdint>
#include <span>
#include <vector>

namespace assay::explain {

// One element of the feature path TreeSHAP keeps while it descends a tree.
struct PathElement {
    std::int32_t feature = -1;
    double zeroFraction = 0; // the share of cover that follows the path when the feature is unknown
    double oneFraction = 0;  // 1 when the row's value follows the path, else 0
    double weight = 0;       // the permutation weight of the subsets of this path's size
};

// Path-dependent TreeSHAP of one tree: adds each feature's contribution to the tree's output
// for one row into `phi` (one slot per feature).
class TreePathShap {
public:
    explicit TreePathShap(const model::Tree &tree);

    // The tree's output averaged over its leaves, weighted by cover: its share of the bias.
    double expectedValue() const { return m_expected.empty() ? 0.0 : m_expected[0]; }
    // Scratch space explain needs: pass a vector at least this long.
    std::size_t scratchSize() const;
    void explain(const float *row, std::span<double> phi, std::vector<PathElement> &scratch) const;

private:
    double meanValue(std::int32_t node);
    void recurse(std::int32_t node, const float *row, std::span<double> phi, PathElement *path,
                 std::size_t length, double zeroFraction, double oneFraction,
                 std::int32_t feature) const;

    const model::Tree &m_tree;
    std::vector<double> m_expected; // per node, its cover-weighted mean leaf value
    std::size_t m_depth = 0;
};

} // namespace assay::explain
