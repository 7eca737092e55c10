#pragma once

#include "model/tree_ensemble.h"

#include <cstdint>

namespace assay::testing {

// An inner node of a hand-built tree: `feature < threshold` (or `== threshold` when
// categorical) goes to `left`; a missing value goes left when `defaultLeft`.
inline model::TreeNode splitNode(std::int32_t feature, float threshold, std::int32_t left,
                                 std::int32_t right, bool defaultLeft = true, bool categorical = false)
{
    model::TreeNode node;
    node.feature = feature;
    node.threshold = threshold;
    node.left = left;
    node.right = right;
    node.defaultLeft = defaultLeft;
    node.categorical = categorical;
    return node;
}

inline model::TreeNode leafNode(float value)
{
    model::TreeNode node;
    node.leafValue = value;
    return node;
}

} // namespace assay::testing
