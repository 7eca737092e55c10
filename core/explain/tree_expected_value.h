#pragma once

#include "model/tree_ensemble.h"

namespace assay::explain {

// The tree's output averaged over its leaves, weighted by the nodes' covers (XGBoost's node
// mean values at the root): the tree's share of TreeSHAP's bias. 0 for an empty tree.
double expectedTreeValue(const model::Tree &tree);

} // namespace assay::explain
