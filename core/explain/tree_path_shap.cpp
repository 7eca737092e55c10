#include "explain/tree_path_shap.h"

#include "explain/tree_expected_value.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace assay::explain {

struct TreePathShap::Walk {
    const float *row;
    std::span<double> phi;
    ShapCondition condition;
    double scale;
};

TreePathShap::TreePathShap(const model::Tree &tree) : m_tree(tree)
{
    if (tree.nodes.empty())
        return;
    m_expected = expectedTreeValue(tree);
    m_depth = model::treeDepth(tree);
    for (const auto &node : tree.nodes)
        if (!node.isLeaf())
            m_features.push_back(node.feature);
    std::sort(m_features.begin(), m_features.end());
    m_features.erase(std::unique(m_features.begin(), m_features.end()), m_features.end());
}

void TreePathShap::explain(const float *row, std::span<double> phi,
                           std::vector<PathElement> &scratch, ShapCondition condition,
                           double scale) const
{
    if (m_tree.nodes.empty())
        return;
    // Each level copies the path of its parent (one longer each time): 1 + 2 + ... + (depth+2).
    const std::size_t needed = (m_depth + 2) * (m_depth + 3) / 2;
    if (scratch.size() < needed)
        scratch.resize(needed);
    const Walk walk{row, phi, condition, scale};
    recurse(walk, 0, scratch.data(), 0, 1, 1, -1, 1);
}

void TreePathShap::recurse(const Walk &walk, std::int32_t index, PathElement *path,
                           std::size_t length, double zeroFraction, double oneFraction,
                           std::int32_t feature, double conditionFraction) const
{
    if (conditionFraction == 0)
        return;
    const ShapCondition &condition = walk.condition;
    const bool conditioned = condition.kind != ShapCondition::Kind::None;
    // The conditioning feature is not a player: it never joins the path.
    if (!conditioned || feature != condition.feature) {
        extendPath(path, length, zeroFraction, oneFraction, feature);
        ++length;
    }
    const model::TreeNode &node = m_tree.nodes[index];
    if (node.isLeaf()) {
        const double value = double(node.leafValue) * conditionFraction * walk.scale;
        // Element 0 is the root's placeholder, not a feature.
        for (std::size_t i = 1; i < length; ++i) {
            if (path[i].oneFraction == path[i].zeroFraction)
                continue;
            const double weight = unwoundPathSum(path, length, i);
            walk.phi[path[i].feature] +=
                weight * (path[i].oneFraction - path[i].zeroFraction) * value;
        }
        return;
    }
    const bool left = model::goesLeft(node, walk.row[node.feature]);
    const std::int32_t hot = left ? node.left : node.right;
    const std::int32_t cold = left ? node.right : node.left;
    const double hotShare = coverShare(m_tree, node, hot);
    const double coldShare = coverShare(m_tree, node, cold);

    // A feature already on the path is split on again: its earlier entry is folded into this one.
    double incomingZero = 1;
    double incomingOne = 1;
    std::size_t seen = 1;
    while (seen < length && path[seen].feature != node.feature)
        ++seen;
    double hotCondition = conditionFraction;
    double coldCondition = conditionFraction;
    if (conditioned && node.feature == condition.feature) {
        if (condition.kind == ShapCondition::Kind::Known) {
            coldCondition = 0;
        } else {
            hotCondition *= hotShare;
            coldCondition *= coldShare;
        }
    }
    // The children each get their own copy of the path, right after this one.
    PathElement *childPath = path + length;
    for (const auto &[child, share, one, childCondition] :
         {std::tuple{hot, hotShare, 1.0, hotCondition},
          std::tuple{cold, coldShare, 0.0, coldCondition}}) {
        std::copy(path, path + length, childPath);
        std::size_t childLength = length;
        if (seen < length) {
            incomingZero = path[seen].zeroFraction;
            incomingOne = path[seen].oneFraction;
            unwindPath(childPath, childLength, seen);
            --childLength;
        }
        recurse(walk, child, childPath, childLength, incomingZero * share, incomingOne * one,
                node.feature, childCondition);
    }
}

} // namespace assay::explain
