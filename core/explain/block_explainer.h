#pragma once

#include "explain/pattern_tree_shap.h"
#include "explain/shap_values.h"
#include "explain/tree_path_shap.h"
#include "model/feature_matrix.h"

#include <memory>
#include <span>
#include <vector>

namespace assay::explain {

// One tree of an ensemble, prepared the way TreeSHAP explains it: pattern tables or the
// recursion.
struct PreparedTree {
    std::unique_ptr<PatternTreeShap> patterns;
    std::unique_ptr<TreePathShap> recursion;
    std::size_t group = 0; // the output the tree adds to
};

// Adds the contributions of some prepared trees to a block of up to kRows rows of `shap`.
// Every tree runs over the whole block before the next, so a tree's tables are read from
// memory once per block. Holds the block's scratch: one per thread.
class BlockExplainer {
public:
    static constexpr std::size_t kRows = 512;

    BlockExplainer(std::span<const PreparedTree> trees, const model::FeatureMatrix &x,
                   ShapValues &shap);

    // Rows [first, first + count) of `x`, count ≤ kRows; adds into the same rows of `shap`.
    void explain(std::size_t first, std::size_t count);

private:
    void loadRows(std::size_t first, std::size_t count);

    std::span<const PreparedTree> m_trees;
    const model::FeatureMatrix &m_x;
    ShapValues &m_shap;
    std::vector<float> m_columns; // the block's rows, column-major (kRows per column)
    std::vector<float> m_rows;    // the same row-major, when some tree uses the recursion
    std::vector<std::uint32_t> m_states;
    std::vector<PathElement> m_path;
};

} // namespace assay::explain
