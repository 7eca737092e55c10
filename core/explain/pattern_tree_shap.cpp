#include "explain/pattern_tree_shap.h"

#include "explain/shap_path.h"
#include "explain/tree_expected_value.h"

#include <algorithm>

namespace assay::explain {

namespace {

void addCostBelow(const model::Tree &tree, std::int32_t index, std::vector<std::int32_t> &path,
                  PatternTreeShap::Cost &cost)
{
    const model::TreeNode &node = tree.nodes[index];
    if (node.isLeaf()) {
        const double k = double(path.size());
        if (path.size() > PatternTreeShap::kMaxPathFeatures) {
            cost.fits = false;
            return;
        }
        const double patterns = double(std::size_t(1) << path.size());
        cost.tableFloats += patterns * k;
        cost.buildSteps += patterns * k * k;
        cost.stepsPerRow += k;
        cost.recursionStepsPerRow += k * k;
        return;
    }
    const bool added = std::find(path.begin(), path.end(), node.feature) == path.end();
    if (added)
        path.push_back(node.feature);
    addCostBelow(tree, node.left, path, cost);
    addCostBelow(tree, node.right, path, cost);
    if (added)
        path.pop_back();
}

// Adds the leaf's contributions for the rows of a block; K is the leaf's number of path
// features when known at compile time (0: read from `featureCount`).
template <std::size_t K>
void addLeaf(const std::uint32_t *state, std::size_t rows, std::uint32_t featureCount,
             const std::uint32_t *features, const float *table, double *phi, std::size_t stride)
{
    const std::uint32_t k = K ? std::uint32_t(K) : featureCount;
    const std::uint32_t mask = (1u << k) - 1;
    for (std::size_t r = 0; r < rows; ++r) {
        const float *values = table + std::size_t(~state[r] & mask) * k;
        double *out = phi + r * stride;
        for (std::uint32_t j = 0; j < k; ++j)
            out[features[j]] += values[j];
    }
}

} // namespace

PatternTreeShap::Cost PatternTreeShap::cost(const model::Tree &tree)
{
    Cost cost;
    std::vector<std::int32_t> path;
    if (!tree.nodes.empty())
        addCostBelow(tree, 0, path, cost);
    return cost;
}

PatternTreeShap::PatternTreeShap(const model::Tree &tree)
{
    if (tree.nodes.empty())
        return;
    std::vector<PathFeature> path;
    build(tree, 0, 0, path);
}

void PatternTreeShap::build(const model::Tree &tree, std::int32_t index, std::uint32_t state,
                            std::vector<PathFeature> &path)
{
    const model::TreeNode &node = tree.nodes[index];
    if (node.isLeaf()) {
        if (path.empty())
            return; // a tree of one leaf: all of it is bias
        m_leaves.push_back({.state = state,
                            .featureCount = std::uint32_t(path.size()),
                            .features = std::uint32_t(m_leafFeatures.size()),
                            .table = m_tables.size()});
        for (const auto &element : path)
            m_leafFeatures.push_back(std::uint32_t(element.feature));
        addLeafTable(node.leafValue, path);
        return;
    }
    std::size_t slot = 0;
    while (slot < path.size() && path[slot].feature != node.feature)
        ++slot;
    const bool added = slot == path.size();
    if (added)
        path.push_back({node.feature, 1.0});
    const Split split{.threshold = node.threshold,
                      .feature = std::uint32_t(node.feature),
                      .bit = 1u << slot,
                      .state = state,
                      .leftState = m_states,
                      .rightState = m_states + 1,
                      .defaultLeft = node.defaultLeft,
                      .categorical = node.categorical};
    m_states += 2;
    m_splits.push_back(split);
    const double zeroFraction = path[slot].zeroFraction;
    path[slot].zeroFraction = zeroFraction * coverShare(tree, node, node.left);
    build(tree, node.left, split.leftState, path);
    path[slot].zeroFraction = zeroFraction * coverShare(tree, node, node.right);
    build(tree, node.right, split.rightState, path);
    if (added)
        path.pop_back();
    else
        path[slot].zeroFraction = zeroFraction;
}

void PatternTreeShap::addLeafTable(double leafValue, const std::vector<PathFeature> &path)
{
    const std::size_t k = path.size();
    const std::size_t patterns = std::size_t(1) << k;
    const std::size_t first = m_tables.size();
    m_tables.resize(first + patterns * k);
    // The path is extended feature by feature, both ways (satisfied or not) at each level, so
    // the patterns sharing a prefix share its extensions. levels[i] holds the path after i
    // features (plus the root's placeholder).
    std::vector<PathElement> levels((k + 1) * (k + 1));
    extendPath(levels.data(), 0, 1, 1, -1);
    const auto descend = [&](const auto &self, std::size_t level, std::size_t pattern) -> void {
        const PathElement *current = levels.data() + level * (k + 1);
        if (level == k) {
            float *values = m_tables.data() + first + pattern * k;
            for (std::size_t i = 0; i < k; ++i) {
                const PathElement &element = current[i + 1];
                if (element.oneFraction == element.zeroFraction)
                    continue;
                values[i] = float(unwoundPathSum(current, k + 1, i + 1) *
                                  (element.oneFraction - element.zeroFraction) * leafValue);
            }
            return;
        }
        PathElement *next = levels.data() + (level + 1) * (k + 1);
        for (const std::size_t satisfied : {0, 1}) {
            std::copy(current, current + level + 1, next);
            extendPath(next, level + 1, path[level].zeroFraction, double(satisfied),
                       path[level].feature);
            self(self, level + 1, pattern | (satisfied << level));
        }
    };
    descend(descend, 0, 0);
}

void PatternTreeShap::explain(const RowBlock &rows, double *phi, std::size_t phiStride,
                              std::uint32_t *scratch) const
{
    const std::size_t count = rows.count;
    std::fill(scratch, scratch + count, 0u);
    for (const Split &split : m_splits) {
        const float *x = rows.column(split.feature);
        const std::uint32_t *state = scratch + split.state * kLockstepRows;
        std::uint32_t *left = scratch + split.leftState * kLockstepRows;
        std::uint32_t *right = scratch + split.rightState * kLockstepRows;
        const float threshold = split.threshold;
        const bool missingLeft = split.defaultLeft;
        const std::uint32_t bit = split.bit;
        // NaN compares false, so "missing" is tested on its own; written branch-free so the
        // row loop vectorises.
        if (split.categorical) {
            for (std::size_t r = 0; r < count; ++r) {
                const bool goesLeft = (x[r] == threshold) | ((x[r] != x[r]) & missingLeft);
                left[r] = state[r] | (goesLeft ? 0u : bit);
                right[r] = state[r] | (goesLeft ? bit : 0u);
            }
        } else {
            for (std::size_t r = 0; r < count; ++r) {
                const bool goesLeft = (x[r] < threshold) | ((x[r] != x[r]) & missingLeft);
                left[r] = state[r] | (goesLeft ? 0u : bit);
                right[r] = state[r] | (goesLeft ? bit : 0u);
            }
        }
    }
    for (const Leaf &leaf : m_leaves) {
        const std::uint32_t *state = scratch + leaf.state * kLockstepRows;
        const std::uint32_t *features = m_leafFeatures.data() + leaf.features;
        const float *table = m_tables.data() + leaf.table;
        switch (leaf.featureCount) {
        case 1:
            addLeaf<1>(state, count, 1, features, table, phi, phiStride);
            break;
        case 2:
            addLeaf<2>(state, count, 2, features, table, phi, phiStride);
            break;
        case 3:
            addLeaf<3>(state, count, 3, features, table, phi, phiStride);
            break;
        case 4:
            addLeaf<4>(state, count, 4, features, table, phi, phiStride);
            break;
        case 5:
            addLeaf<5>(state, count, 5, features, table, phi, phiStride);
            break;
        case 6:
            addLeaf<6>(state, count, 6, features, table, phi, phiStride);
            break;
        default:
            addLeaf<0>(state, count, leaf.featureCount, features, table, phi, phiStride);
            break;
        }
    }
}

} // namespace assay::explain
