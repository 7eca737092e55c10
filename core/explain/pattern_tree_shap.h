#pragma once

#include "model/tree_ensemble.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace assay::explain {

// A block of rows explained in lockstep, column-major floats: column(f)[r] for r < count.
struct RowBlock {
    const float *values = nullptr;
    std::size_t stride = 0; // floats from one column to the next
    std::size_t count = 0;  // rows, at most PatternTreeShap::kLockstepRows

    const float *column(std::size_t feature) const { return values + feature * stride; }
};

// Path-dependent TreeSHAP of one tree by precomputed patterns (Fast TreeSHAP v2, Yang 2021):
// the path from the root to a leaf tests k distinct features, and a row's contribution from
// that leaf depends only on which of those k features the row satisfies (one bit each; a
// feature split several times on the path must satisfy all its splits). For every leaf the
// k contributions of all 2^k patterns are computed once; explaining a row is then a walk
// that sets the bits, node by node for the whole block, and k additions per leaf.
// Mathematically equal to TreePathShap; tables are float (values within float rounding).
class PatternTreeShap {
public:
    static constexpr std::size_t kLockstepRows = 64;
    // Paths with more distinct features than this make a tree use TreePathShap instead.
    static constexpr std::size_t kMaxPathFeatures = 12;

    // What the two ways of explaining `tree` cost, summed over its leaves (k: a leaf's path
    // features): the tables take Σ 2^k·k floats and Σ 2^k·k² steps to build, then Σ k steps per
    // row; the recursion takes about Σ k² steps per row. fits is false when a path has more
    // than kMaxPathFeatures distinct features.
    struct Cost {
        bool fits = true;
        double tableFloats = 0;
        double buildSteps = 0;
        double stepsPerRow = 0;
        double recursionStepsPerRow = 0;
    };
    static Cost cost(const model::Tree &tree);

    explicit PatternTreeShap(const model::Tree &tree);

    // The uint32 scratch explain needs.
    std::size_t scratchSize() const { return m_states * kLockstepRows; }
    // Adds the contributions of the block's rows: row r's feature f at phi[r * phiStride + f].
    void explain(const RowBlock &rows, double *phi, std::size_t phiStride,
                 std::uint32_t *scratch) const;

private:
    // An inner node, in preorder so a parent's state is known before its children's. A state
    // holds, per row, one bit per path feature that the row fails so far.
    struct Split {
        float threshold;
        std::uint32_t feature;
        std::uint32_t bit; // 1 << the slot of the feature among its path's distinct features
        std::uint32_t state;
        std::uint32_t leftState;
        std::uint32_t rightState;
        bool defaultLeft;
        bool categorical;
    };
    struct Leaf {
        std::uint32_t state;
        std::uint32_t featureCount; // k: the path's distinct features
        std::uint32_t features;     // offset in m_leafFeatures of the k feature indices
        std::size_t table;          // offset in m_tables of 2^k patterns × k contributions
    };
    struct PathFeature {
        std::int32_t feature;
        double zeroFraction;
    };

    void build(const model::Tree &tree, std::int32_t node, std::uint32_t state,
               std::vector<PathFeature> &path);
    void addLeafTable(double leafValue, const std::vector<PathFeature> &path);

    std::vector<Split> m_splits;
    std::vector<Leaf> m_leaves;
    std::vector<std::uint32_t> m_leafFeatures;
    std::vector<float> m_tables;
    std::uint32_t m_states = 1;
};

} // namespace assay::explain
