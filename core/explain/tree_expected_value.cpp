#include "explain/tree_expected_value.h"

namespace assay::explain {

namespace {

double meanBelow(const model::Tree &tree, std::int32_t index)
{
    const model::TreeNode &node = tree.nodes[index];
    if (node.isLeaf())
        return node.leafValue;
    return meanBelow(tree, node.left) * coverShare(tree, node, node.left) +
           meanBelow(tree, node.right) * coverShare(tree, node, node.right);
}

} // namespace

double coverShare(const model::Tree &tree, const model::TreeNode &node, std::int32_t child)
{
    if (node.cover > 0)
        return tree.nodes[child].cover / node.cover;
    const double children = tree.nodes[node.left].cover + tree.nodes[node.right].cover;
    if (children > 0)
        return tree.nodes[child].cover / children;
    return 0.5;
}

double expectedTreeValue(const model::Tree &tree)
{
    return tree.nodes.empty() ? 0.0 : meanBelow(tree, 0);
}

} // namespace assay::explain
