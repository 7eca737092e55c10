#pragma once

#include "common/progress.h"
#include "common/random.h"
#include "common/result.h"
#include "model/split_search.h"
#include "model/task.h"
#include "model/tree_ensemble.h"

#include <cstddef>
#include <vector>

namespace assay::model::cart {

struct GrowSettings {
    int maxDepth = 0;                 // 0: no limit
    double minSamplesSplit = 2;       // a node weighing less becomes a leaf
    double minSamplesLeaf = 1;        // no child may weigh less
    std::size_t featuresPerSplit = 0; // features drawn at each node; 0: all, in order
};

// A grown tree before its leaves are turned into output values: the structure (with cover)
// and, for each node, its class shares (classification) or mean target (regression).
struct GrownTree {
    std::vector<TreeNode> nodes;
    std::size_t outputs = 1;    // values per node: classCount, or 1 for regression
    std::vector<double> values; // nodes.size() * outputs
};

// Grows one CART tree on the rows of `problem` with a positive weight, depth first. Only draws
// from `random` when settings.featuresPerSplit is below the feature count. Cancelled when
// `progress` is.
Result<GrownTree> growTree(const SplitColumns &columns, const SplitProblem &problem,
                           const GrowSettings &settings, Random &random, const Progress &progress);

// The ensemble's trees for a grown tree: for binary tasks one tree of positive-class
// probabilities, for multiclass one tree per class (outputGroup = class), for regression one
// tree of means plus `offset`. Leaf values are multiplied by `scale` (1 / trees in a forest).
std::vector<Tree> toTrees(const GrownTree &grown, Task task, double scale, double offset = 0);

} // namespace assay::model::cart
