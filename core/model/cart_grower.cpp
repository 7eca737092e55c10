#include "model/cart_grower.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::model::cart {

namespace {

// Gains below this share of the node's cost are rounding noise, not a split worth making.
constexpr double kRelativeMinGain = 1e-12;

struct PendingNode {
    std::size_t node;
    std::size_t begin, end; // the node's rows in the row list
    int depth;
};

bool isPure(const SplitProblem &problem, std::span<const std::uint32_t> rows,
            std::span<const double> stats)
{
    if (problem.classCount > 0)
        return std::count_if(stats.begin() + 1, stats.end(), [](double w) { return w > 0; }) <= 1;
    const double first = problem.y[rows.front()];
    return std::all_of(rows.begin(), rows.end(),
                       [&](std::uint32_t row) { return problem.y[row] == first; });
}

void storeValues(const SplitProblem &problem, std::span<const double> stats,
                 std::span<double> values)
{
    const double weight = stats[0];
    if (problem.classCount == 0) {
        values[0] = stats[1] / weight;
        return;
    }
    for (std::size_t k = 0; k < problem.classCount; ++k)
        values[k] = stats[1 + k] / weight;
}

// The best split over the node's candidate features. With featuresPerSplit below the feature
// count, features are drawn without replacement; like scikit-learn, drawing goes on past that
// number while no valid split has been found.
std::optional<Split> bestSplitOfNode(const SplitColumns &columns, const SplitProblem &problem,
                                     const GrowSettings &settings,
                                     std::span<const std::uint32_t> rows,
                                     std::span<const double> stats, std::vector<std::size_t> &order,
                                     Random &random, SplitScratch &scratch)
{
    const std::size_t featureCount = order.size();
    const bool sampled = settings.featuresPerSplit > 0 && settings.featuresPerSplit < featureCount;
    const std::size_t wanted = sampled ? settings.featuresPerSplit : featureCount;
    const double minGain = kRelativeMinGain * (std::abs(problem.cost(stats)) + stats[0]);
    std::optional<Split> best;
    for (std::size_t j = 0; j < featureCount && (j < wanted || !best); ++j) {
        if (sampled)
            std::swap(order[j], order[static_cast<std::size_t>(
                                    random.integer(static_cast<int>(j),
                                                   static_cast<int>(featureCount) - 1))]);
        const auto split = bestSplit(problem, columns, order[j], rows, stats,
                                     settings.minSamplesLeaf, minGain, scratch);
        if (split && (!best || split->gain > best->gain))
            best = split;
    }
    return best;
}

} // namespace

Result<GrownTree> growTree(const SplitColumns &columns, const SplitProblem &problem,
                           const GrowSettings &settings, Random &random, const Progress &progress)
{
    std::vector<std::uint32_t> rows;
    for (std::size_t row = 0; row < columns.rows; ++row)
        if (problem.weights[row] > 0)
            rows.push_back(static_cast<std::uint32_t>(row));
    GrownTree tree;
    tree.outputs = problem.classCount == 0 ? 1 : problem.classCount;
    if (rows.empty())
        return Error::invalidInput("no rows to learn from");

    std::vector<std::size_t> order(columns.values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    SplitScratch scratch;
    std::vector<double> stats(problem.width());
    tree.nodes.emplace_back();
    std::vector<PendingNode> pending{{0, 0, rows.size(), 0}};
    while (!pending.empty()) {
        if (progress.isCancelled())
            return Error::cancelled();
        const PendingNode at = pending.back();
        pending.pop_back();
        const std::span<std::uint32_t> nodeRows(rows.data() + at.begin, at.end - at.begin);
        std::fill(stats.begin(), stats.end(), 0.0);
        for (const std::uint32_t row : nodeRows)
            problem.add(row, stats);
        tree.nodes[at.node].cover = stats[0];
        tree.values.resize(tree.nodes.size() * tree.outputs);
        storeValues(problem, stats,
                    std::span<double>(tree.values).subspan(at.node * tree.outputs, tree.outputs));

        const bool mayGrow = (settings.maxDepth <= 0 || at.depth < settings.maxDepth) &&
                             stats[0] >= settings.minSamplesSplit &&
                             stats[0] >= 2 * settings.minSamplesLeaf &&
                             !isPure(problem, nodeRows, stats);
        if (!mayGrow)
            continue;
        const auto split = bestSplitOfNode(columns, problem, settings, nodeRows, stats, order,
                                           random, scratch);
        if (!split)
            continue;
        const auto &column = columns.values[split->feature];
        const auto middle = std::stable_partition(
            nodeRows.begin(), nodeRows.end(),
            [&](std::uint32_t row) { return goesLeft(*split, column[row]); });
        const std::size_t leftEnd = at.begin + static_cast<std::size_t>(middle - nodeRows.begin());

        const std::size_t left = tree.nodes.size();
        TreeNode &node = tree.nodes[at.node];
        node.left = static_cast<std::int32_t>(left);
        node.right = static_cast<std::int32_t>(left + 1);
        node.feature = static_cast<std::int32_t>(split->feature);
        node.threshold = split->threshold;
        node.defaultLeft = split->defaultLeft;
        node.categorical = split->categorical;
        tree.nodes.resize(left + 2);
        pending.push_back({left + 1, leftEnd, at.end, at.depth + 1});
        pending.push_back({left, at.begin, leftEnd, at.depth + 1});
    }
    tree.values.resize(tree.nodes.size() * tree.outputs);
    return tree;
}

std::vector<Tree> toTrees(const GrownTree &grown, Task task, double scale, double offset)
{
    const auto treeFor = [&](std::size_t output, std::int32_t group) {
        Tree tree;
        tree.outputGroup = group;
        tree.nodes = grown.nodes;
        for (std::size_t i = 0; i < tree.nodes.size(); ++i)
            if (tree.nodes[i].isLeaf())
                tree.nodes[i].leafValue =
                    static_cast<float>((grown.values[i * grown.outputs + output] + offset) * scale);
        return tree;
    };
    switch (task) {
    case Task::Binary:
        return {treeFor(1, 0)};
    case Task::Regression:
        return {treeFor(0, 0)};
    case Task::Multiclass: {
        std::vector<Tree> trees;
        for (std::size_t k = 0; k < grown.outputs; ++k)
            trees.push_back(treeFor(k, static_cast<std::int32_t>(k)));
        return trees;
    }
    }
    return {};
}

} // namespace assay::model::cart
