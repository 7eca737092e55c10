#pragma once

#include "model/tree_ensemble.h"

namespace assay::explain {

// The share of `node`'s training weight that went to `child` (one of its children): the child's
// cover over the node's, as XGBoost computes it. A node without cover falls back to the sum of
// its children's, and when they have none either (a tree built without covers) each child
// gets half, so the shares at a split always add up to 1. Used by every TreeSHAP walk and by
// expectedTreeValue, so the bias and the contributions agree.
double coverShare(const model::Tree &tree, const model::TreeNode &node, std::int32_t child);

// The tree's output averaged over its leaves, weighted by the nodes' covers (XGBoost's node
// mean values at the root): the tree's share of TreeSHAP's bias. 0 for an empty tree.
double expectedTreeValue(const model::Tree &tree);

} // namespace assay::explain
