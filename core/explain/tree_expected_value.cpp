#include "explain/tree_expected_value.h"

namespace assay::explain {

namespace {

double meanBelow(const model::Tree &tree, std::int32_t index)
{
    const model::TreeNode &node = tree.nodes[index];
    if (node.isLeaf())
        return node.leafValue;
    const double leftCover = tree.nodes[node.left].cover;
    const double rightCover = tree.nodes[node.right].cover;
    const double cover = node.cover > 0 ? node.cover : leftCover + rightCover;
    if (cover <= 0)
        return 0.0;
    return (meanBelow(tree, node.left) * leftCover + meanBelow(tree, node.right) * rightCover) /
           cover;
}

} // namespace

double expectedTreeValue(const model::Tree &tree)
{
    return tree.nodes.empty() ? 0.0 : meanBelow(tree, 0);
}

} // namespace assay::explain
