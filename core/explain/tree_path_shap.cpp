#include "explain/tree_path_shap.h"

#include <algorithm>
#include <cmath>

namespace assay::explain {

namespace {

bool goesLeft(const model::TreeNode &node, float value)
{
    if (std::isnan(value))
        return node.defaultLeft;
    return node.categorical ? value == node.threshold : value < node.threshold;
}

std::size_t depthOf(const std::vector<model::TreeNode> &nodes, std::int32_t node)
{
    if (nodes[node].isLeaf())
        return 0;
    return 1 + std::max(depthOf(nodes, nodes[node].left), depthOf(nodes, nodes[node].right));
}

// Adds a feature to the path (EXTEND in the paper): the weights of the subset sizes are
// updated for the subsets that include it (oneFraction) and those that do not (zeroFraction).
void extend(PathElement *path, std::size_t length, double zeroFraction, double oneFraction,
            std::int32_t feature)
{
    path[length] = {feature, zeroFraction, oneFraction, length == 0 ? 1.0 : 0.0};
    for (std::size_t i = length; i-- > 0;) {
        path[i + 1].weight += oneFraction * path[i].weight * double(i + 1) / double(length + 1);
        path[i].weight = zeroFraction * path[i].weight * double(length - i) / double(length + 1);
    }
}

// Removes element `index` from the path (UNWIND in the paper), undoing its extend.
void unwind(PathElement *path, std::size_t length, std::size_t index)
{
    const std::size_t last = length - 1;
    const double one = path[index].oneFraction;
    const double zero = path[index].zeroFraction;
    double next = path[last].weight;
    for (std::size_t j = last; j-- > 0;) {
        if (one != 0) {
            const double kept = path[j].weight;
            path[j].weight = next * double(last + 1) / (double(j + 1) * one);
            next = kept - path[j].weight * zero * double(last - j) / double(last + 1);
        } else {
            path[j].weight = path[j].weight * double(last + 1) / (zero * double(last - j));
        }
    }
    for (std::size_t j = index; j < last; ++j) {
        path[j].feature = path[j + 1].feature;
        path[j].zeroFraction = path[j + 1].zeroFraction;
        path[j].oneFraction = path[j + 1].oneFraction;
    }
}

// The total weight the path would have without element `index`, without changing it.
double unwoundSum(const PathElement *path, std::size_t length, std::size_t index)
{
    const std::size_t last = length - 1;
    const double one = path[index].oneFraction;
    const double zero = path[index].zeroFraction;
    double next = path[last].weight;
    double total = 0;
    for (std::size_t j = last; j-- > 0;) {
        if (one != 0) {
            const double weight = next * double(last + 1) / (double(j + 1) * one);
            total += weight;
            next = path[j].weight - weight * zero * double(last - j) / double(last + 1);
        } else {
            total += path[j].weight * double(last + 1) / (zero * double(last - j));
        }
    }
    return total;
}

} // namespace

TreePathShap::TreePathShap(const model::Tree &tree) : m_tree(tree)
{
    if (tree.nodes.empty())
        return;
    m_expected.resize(tree.nodes.size());
    meanValue(0);
    m_depth = depthOf(tree.nodes, 0);
}

double TreePathShap::meanValue(std::int32_t index)
{
    const model::TreeNode &node = m_tree.nodes[index];
    if (node.isLeaf())
        return m_expected[index] = node.leafValue;
    const double left = meanValue(node.left);
    const double right = meanValue(node.right);
    const double leftCover = m_tree.nodes[node.left].cover;
    const double rightCover = m_tree.nodes[node.right].cover;
    const double cover = node.cover > 0 ? node.cover : leftCover + rightCover;
    return m_expected[index] = cover > 0 ? (left * leftCover + right * rightCover) / cover : 0.0;
}

std::size_t TreePathShap::scratchSize() const
{
    // Each level copies the path of its parent (one longer each time): 1 + 2 + ... + (depth+2).
    return (m_depth + 2) * (m_depth + 3) / 2;
}

void TreePathShap::explain(const float *row, std::span<double> phi,
                           std::vector<PathElement> &scratch) const
{
    if (m_tree.nodes.empty())
        return;
    if (scratch.size() < scratchSize())
        scratch.resize(scratchSize());
    recurse(0, row, phi, scratch.data(), 0, 1, 1, -1);
}

void TreePathShap::recurse(std::int32_t index, const float *row, std::span<double> phi,
                           PathElement *path, std::size_t length, double zeroFraction,
                           double oneFraction, std::int32_t feature) const
{
    extend(path, length, zeroFraction, oneFraction, feature);
    ++length;
    const model::TreeNode &node = m_tree.nodes[index];
    if (node.isLeaf()) {
        // Element 0 is the root's placeholder, not a feature.
        for (std::size_t i = 1; i < length; ++i) {
            const double weight = unwoundSum(path, length, i);
            phi[path[i].feature] +=
                weight * (path[i].oneFraction - path[i].zeroFraction) * node.leafValue;
        }
        return;
    }
    const bool left = goesLeft(node, row[node.feature]);
    const std::int32_t hot = left ? node.left : node.right;
    const std::int32_t cold = left ? node.right : node.left;
    const double cover = node.cover;
    const double hotShare = cover > 0 ? m_tree.nodes[hot].cover / cover : 0.0;
    const double coldShare = cover > 0 ? m_tree.nodes[cold].cover / cover : 0.0;

    // A feature already on the path is split on again: its earlier entry is folded into this one.
    double incomingZero = 1;
    double incomingOne = 1;
    std::size_t seen = 1;
    while (seen < length && path[seen].feature != node.feature)
        ++seen;
    // The children each get their own copy of the path, right after this one.
    PathElement *childPath = path + length;
    std::copy(path, path + length, childPath);
    std::size_t childLength = length;
    if (seen < length) {
        incomingZero = path[seen].zeroFraction;
        incomingOne = path[seen].oneFraction;
        unwind(childPath, childLength, seen);
        --childLength;
    }
    recurse(hot, row, phi, childPath, childLength, incomingZero * hotShare, incomingOne,
            node.feature);
    std::copy(path, path + length, childPath);
    childLength = length;
    if (seen < length) {
        unwind(childPath, childLength, seen);
        --childLength;
    }
    recurse(cold, row, phi, childPath, childLength, incomingZero * coldShare, 0, node.feature);
}

} // namespace assay::explain
