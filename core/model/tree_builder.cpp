#include "model/tree_builder.h"

#include "model/worker_pool.h"

#include <algorithm>

namespace assay::model {

TreeBuilder::TreeBuilder(const BinnedMatrix &bins, WorkerPool &pool, TreeParams params)
    : m_bins(bins), m_pool(pool), m_params(params), m_histograms(bins, pool), m_partitioner(pool)
{
}

GradientSum *TreeBuilder::acquireHistogram()
{
    if (m_freeHistograms.empty()) {
        m_histogramStore.emplace_back(m_histograms.histogramSize());
        return m_histogramStore.back().data();
    }
    GradientSum *histogram = m_freeHistograms.back();
    m_freeHistograms.pop_back();
    return histogram;
}

void TreeBuilder::releaseHistogram(GradientSum *histogram)
{
    if (histogram)
        m_freeHistograms.push_back(histogram);
}

Tree TreeBuilder::grow(const QuantizedGradients &gradients, std::span<const std::uint32_t> rows,
                       std::span<const char> allowedFeatures, std::int32_t outputGroup)
{
    Tree tree;
    tree.outputGroup = outputGroup;
    tree.nodes.emplace_back();
    m_leafRows.assign(1, RowRange{0, rows.size()});
    m_partitioner.reset(rows);

    GrowingNode root{0, {0, rows.size()}, {}, acquireHistogram()};
    const HistogramJob rootJob{m_partitioner.rows(root.rows), root.histogram};
    m_histograms.build({&rootJob, 1}, gradients);
    // Every row lands in exactly one bin of any feature, so one feature's bins sum to the total.
    for (std::size_t bin = 0; bin < kBinsPerFeature && m_bins.columns() > 0; ++bin)
        root.sum += root.histogram[bin];
    std::vector<GradientSum> sums{root.sum};

    std::vector<GrowingNode> level{root};
    for (int depth = 0; depth < m_params.maxDepth && !level.empty(); ++depth) {
        const std::vector<Split> splits = findSplits(level, gradients, allowedFeatures);
        const bool childrenMaySplit = depth + 1 < m_params.maxDepth;
        std::vector<GrowingNode> next =
            splitLevel(level, splits, tree, childrenMaySplit, gradients);
        for (const GrowingNode &node : level)
            releaseHistogram(node.histogram);
        sums.resize(tree.nodes.size());
        for (const GrowingNode &node : next)
            sums[static_cast<std::size_t>(node.index)] = node.sum;
        level = std::move(next);
    }
    for (const GrowingNode &node : level)
        releaseHistogram(node.histogram);

    const double lambda = m_params.split.lambda;
    for (std::size_t index = 0; index < tree.nodes.size(); ++index) {
        TreeNode &node = tree.nodes[index];
        const double grad = gradients.grad(sums[index]);
        const double hess = gradients.hess(sums[index]);
        node.cover = hess;
        if (node.isLeaf())
            node.leafValue =
                static_cast<float>(leafWeight(grad, hess, lambda) * m_params.learningRate);
    }
    return tree;
}

std::vector<Split> TreeBuilder::findSplits(const std::vector<GrowingNode> &level,
                                           const QuantizedGradients &gradients,
                                           std::span<const char> allowedFeatures)
{
    const std::size_t columns = m_bins.columns();
    std::vector<Split> candidates(level.size() * columns);
    const double leastHess = 2 * m_params.split.minChildWeight;
    m_pool.run(candidates.size(), [&](std::size_t index, unsigned) {
        const GrowingNode &node = level[index / columns];
        const std::size_t feature = index % columns;
        if (!allowedFeatures[feature] || node.rows.size() < 2 ||
            gradients.hess(node.sum) < leastHess)
            return;
        candidates[index] =
            bestSplitOfFeature(node.histogram + feature * kBinsPerFeature, node.sum, feature,
                               m_bins.feature(feature), gradients, m_params.split);
    });
    std::vector<Split> best(level.size());
    for (std::size_t node = 0; node < level.size(); ++node)
        for (std::size_t feature = 0; feature < columns; ++feature) {
            const Split &candidate = candidates[node * columns + feature];
            if (candidate.valid() && candidate.gain > best[node].gain)
                best[node] = candidate;
        }
    return best;
}

std::vector<TreeBuilder::GrowingNode> TreeBuilder::splitLevel(const std::vector<GrowingNode> &level,
                                                              const std::vector<Split> &splits,
                                                              Tree &tree, bool buildChildHistograms,
                                                              const QuantizedGradients &gradients)
{
    std::vector<RowPartitioner::Request> requests;
    std::vector<std::size_t> splitNodes;
    for (std::size_t i = 0; i < level.size(); ++i)
        if (splits[i].valid()) {
            requests.push_back({level[i].rows, &splits[i]});
            splitNodes.push_back(i);
        }
    if (requests.empty())
        return {};
    const std::vector<std::size_t> leftCounts = m_partitioner.partition(requests, m_bins);

    std::vector<GrowingNode> children;
    std::vector<HistogramJob> jobs;
    std::vector<std::pair<std::size_t, std::size_t>> subtractions; // (built child, sibling)
    for (std::size_t k = 0; k < splitNodes.size(); ++k) {
        const GrowingNode &parent = level[splitNodes[k]];
        const Split &split = splits[splitNodes[k]];
        const auto leftIndex = static_cast<std::int32_t>(tree.nodes.size());
        TreeNode &node = tree.nodes[static_cast<std::size_t>(parent.index)];
        node.left = leftIndex;
        node.right = leftIndex + 1;
        node.feature = split.feature;
        node.categorical = split.categorical;
        node.defaultLeft = split.defaultLeft;
        const FeatureBins &feature = m_bins.feature(static_cast<std::size_t>(split.feature));
        node.threshold = split.categorical ? static_cast<float>(split.bin)
                                           : feature.cuts[static_cast<std::size_t>(split.bin)];
        tree.nodes.emplace_back();
        tree.nodes.emplace_back();

        const std::size_t middle = parent.rows.begin + leftCounts[k];
        const GrowingNode left{leftIndex, {parent.rows.begin, middle}, split.left, nullptr};
        const GrowingNode right{leftIndex + 1, {middle, parent.rows.end}, split.right, nullptr};
        m_leafRows.push_back(left.rows);
        m_leafRows.push_back(right.rows);
        children.push_back(left);
        children.push_back(right);
        if (!buildChildHistograms)
            continue;
        const std::size_t leftSlot = children.size() - 2;
        const bool buildLeft = left.rows.size() <= right.rows.size();
        const std::size_t built = buildLeft ? leftSlot : leftSlot + 1;
        const std::size_t other = buildLeft ? leftSlot + 1 : leftSlot;
        children[leftSlot].histogram = acquireHistogram();
        children[leftSlot + 1].histogram = acquireHistogram();
        jobs.push_back({m_partitioner.rows(children[built].rows), children[built].histogram});
        subtractions.emplace_back(built, other);
    }
    if (buildChildHistograms) {
        m_histograms.build(jobs, gradients);
        std::vector<const GradientSum *> parents;
        for (std::size_t k = 0; k < splitNodes.size(); ++k)
            parents.push_back(level[splitNodes[k]].histogram);
        m_pool.run(subtractions.size(), [&](std::size_t k, unsigned) {
            m_histograms.subtract(parents[k], children[subtractions[k].first].histogram,
                                  children[subtractions[k].second].histogram);
        });
    }
    return children;
}

void TreeBuilder::addLeafValues(const Tree &tree, std::span<float> margins,
                                std::size_t stride) const
{
    const auto group = static_cast<std::size_t>(tree.outputGroup);
    m_pool.run(tree.nodes.size(), [&](std::size_t index, unsigned) {
        const TreeNode &node = tree.nodes[index];
        if (!node.isLeaf())
            return;
        for (const std::uint32_t row : m_partitioner.rows(m_leafRows[index]))
            margins[row * stride + group] += node.leafValue;
    });
}

} // namespace assay::model
