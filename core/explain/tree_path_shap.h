#pragma once

#include "explain/shap_path.h"
#include "model/tree_ensemble.h"

#include <cstdint>
#include <span>
#include <vector>

namespace assay::explain {

// TreeSHAP conditioned on one feature, as XGBoost's interaction values need: the feature is
// taken off the players and the tree's output is restricted to the row's side of its splits
// (Known) or weighted by the cover shares of its splits (Unknown).
struct ShapCondition {
    enum class Kind { None, Known, Unknown };
    Kind kind = Kind::None;
    std::int32_t feature = -1;
};

// Path-dependent TreeSHAP of one tree by recursion over its nodes (Lundberg et al. 2018,
// Algorithm 2): adds each feature's contribution to the tree's output for one row into `phi`
// (one slot per feature), times `scale`. Works at any depth; PatternTreeShap is faster for
// the shallow trees.
class TreePathShap {
public:
    explicit TreePathShap(const model::Tree &tree);

    // The tree's output averaged over its leaves, weighted by cover: its share of the bias.
    double expectedValue() const { return m_expected; }
    // The distinct features the tree splits on, ascending.
    const std::vector<std::int32_t> &features() const { return m_features; }
    // `scratch` is resized as needed: pass the same vector for every call of a thread.
    void explain(const float *row, std::span<double> phi, std::vector<PathElement> &scratch,
                 ShapCondition condition = {}, double scale = 1.0) const;

private:
    struct Walk; // one explain call's fixed arguments
    void recurse(const Walk &walk, std::int32_t node, PathElement *path, std::size_t length,
                 double zeroFraction, double oneFraction, std::int32_t feature,
                 double conditionFraction) const;

    const model::Tree &m_tree;
    double m_expected = 0;
    std::vector<std::int32_t> m_features;
    std::size_t m_depth = 0;
};

} // namespace assay::explain
