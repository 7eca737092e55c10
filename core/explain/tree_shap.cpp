#include "explain/tree_shap.h"

#include "common/parallel_for.h"
#include "explain/block_explainer.h"
#include "explain/row_blocks.h"
#include "explain/tree_expected_value.h"
#include "explain/tree_shap_inputs.h"

#include <algorithm>

namespace assay::explain {

namespace {

// A tree whose pattern tables would take more floats than this (deep trees with many
// features) is explained by the recursion instead.
constexpr double kMaxTreeTableFloats = double(1 << 20);
// The trees are explained in groups whose tables take at most this many floats together
// (64 MiB), so memory stays bounded whatever the ensemble's size.
constexpr double kMaxGroupTableFloats = double(1 << 24);

struct TreePlan {
    bool patterns = false;
    double tableFloats = 0;
};

// Patterns when their tables are small enough and building them pays off over `rows`.
TreePlan planTree(const model::Tree &tree, std::size_t rows)
{
    const PatternTreeShap::Cost cost = PatternTreeShap::cost(tree);
    const bool patterns = cost.fits && cost.tableFloats <= kMaxTreeTableFloats &&
                          cost.buildSteps + double(rows) * cost.stepsPerRow <
                              double(rows) * cost.recursionStepsPerRow;
    return {patterns, patterns ? cost.tableFloats : 0.0};
}

// Consecutive runs of trees [begin, end) whose tables fit kMaxGroupTableFloats together.
std::vector<std::pair<std::size_t, std::size_t>> groupTrees(const std::vector<TreePlan> &plans)
{
    std::vector<std::pair<std::size_t, std::size_t>> groups;
    double floats = 0;
    for (std::size_t t = 0; t < plans.size(); ++t) {
        if (groups.empty() || floats + plans[t].tableFloats > kMaxGroupTableFloats) {
            groups.emplace_back(t, t);
            floats = 0;
        }
        groups.back().second = t + 1;
        floats += plans[t].tableFloats;
    }
    return groups;
}

std::vector<PreparedTree> prepareTrees(const model::TreeEnsemble &ensemble,
                                       const std::vector<TreePlan> &plans, std::size_t begin,
                                       std::size_t end, unsigned threads)
{
    const auto &trees = ensemble.trees();
    std::vector<PreparedTree> prepared(end - begin);
    parallelForOn(threads, prepared.size(), [&](std::size_t i) {
        const model::Tree &tree = trees[begin + i];
        prepared[i].group = std::size_t(tree.outputGroup);
        if (plans[begin + i].patterns)
            prepared[i].patterns = std::make_unique<PatternTreeShap>(tree);
        else
            prepared[i].recursion = std::make_unique<TreePathShap>(tree);
    });
    return prepared;
}

} // namespace

Result<ShapValues> treeShap(const model::TreeEnsemble &ensemble, const model::FeatureMatrix &x,
                            unsigned threads, const Progress &progress)
{
    const auto outputs = checkTreeShapInputs(ensemble, x, "TreeSHAP");
    if (!outputs)
        return outputs.error();
    ShapValues shap;
    shap.rows = x.rows;
    shap.outputs = *outputs;
    shap.features = x.columns();
    shap.values.assign(shap.rows * shap.outputs * shap.width(), 0.0);

    std::vector<TreePlan> plans;
    std::vector<double> shares;
    for (const auto &tree : ensemble.trees()) {
        plans.push_back(planTree(tree, x.rows));
        shares.push_back(expectedTreeValue(tree));
    }
    const auto groups = groupTrees(plans);
    const std::size_t blocks = rowBlockCount(x.rows, BlockExplainer::kRows);
    SharedProgress shared(progress, groups.size() * blocks, "TreeSHAP");
    for (const auto &[begin, end] : groups) {
        if (shared.cancelled())
            return Error::cancelled();
        const std::vector<PreparedTree> trees = prepareTrees(ensemble, plans, begin, end, threads);
        // Each block adds the trees in order, so the values do not depend on the thread count.
        ASSAY_TRY(forEachRowBlock(threads, x.rows, BlockExplainer::kRows, shared,
                                  [&](std::size_t first, std::size_t count) {
                                      BlockExplainer(trees, x, shap).explain(first, count);
                                  }));
    }

    const std::vector<double> bias = biasPerOutput(ensemble, shap.outputs, shares);
    for (std::size_t r = 0; r < shap.rows; ++r)
        for (std::size_t g = 0; g < shap.outputs; ++g)
            shap.of(r, g)[shap.features] = bias[g];
    return shap;
}

} // namespace assay::explain
