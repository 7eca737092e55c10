#include "explain/tree_shap.h"

#include "common/parallel_for.h"
#include "explain/pattern_tree_shap.h"
#include "explain/tree_path_shap.h"
#include "explain/tree_shap_inputs.h"

#include <algorithm>
#include <atomic>
#include <memory>

namespace assay::explain {

namespace {

// Rows per parallel task. Each task runs every tree over its rows before the next tree, so a
// tree's tables are read from memory once per task; each task owns its rows' output, so the
// values do not depend on the thread count.
constexpr std::size_t kTaskRows = 512;
// A tree whose pattern tables would take more floats than this (deep trees) is explained by
// the recursion instead.
constexpr double kMaxTableFloats = double(1 << 20);

// One tree prepared the faster way its shape allows.
struct PreparedTree {
    std::unique_ptr<PatternTreeShap> patterns;
    std::unique_ptr<TreePathShap> recursion;
    std::size_t group = 0;

    double expectedValue() const
    {
        return patterns ? patterns->expectedValue() : recursion->expectedValue();
    }
};

// Patterns when their tables are small enough and building them pays off over `rows`.
bool usePatterns(const model::Tree &tree, std::size_t rows)
{
    const PatternTreeShap::Cost cost = PatternTreeShap::cost(tree);
    return cost.fits && cost.tableFloats <= kMaxTableFloats &&
           cost.buildSteps + double(rows) * cost.stepsPerRow <
               double(rows) * cost.recursionStepsPerRow;
}

std::vector<PreparedTree> prepareTrees(const model::TreeEnsemble &ensemble, std::size_t rows,
                                       unsigned threads)
{
    const auto &trees = ensemble.trees();
    std::vector<PreparedTree> prepared(trees.size());
    parallelForOn(threads, trees.size(), [&](std::size_t t) {
        prepared[t].group = std::size_t(trees[t].outputGroup);
        if (usePatterns(trees[t], rows))
            prepared[t].patterns = std::make_unique<PatternTreeShap>(trees[t]);
        else
            prepared[t].recursion = std::make_unique<TreePathShap>(trees[t]);
    });
    return prepared;
}

// Explains rows [first, first + count) into `shap`.
class TaskExplainer {
public:
    TaskExplainer(const std::vector<PreparedTree> &trees, const model::FeatureMatrix &x,
                  ShapValues &shap)
        : m_trees(trees), m_x(x), m_shap(shap), m_columns(kTaskRows * x.columns())
    {
        std::size_t scratch = 0;
        for (const auto &tree : trees) {
            if (tree.patterns)
                scratch = std::max(scratch, tree.patterns->scratchSize());
            else
                m_needsRows = true;
        }
        m_states.resize(scratch);
        if (m_needsRows)
            m_rows.resize(kTaskRows * x.columns());
    }

    void explain(std::size_t first, std::size_t count, const std::vector<double> &bias)
    {
        const std::size_t columns = m_x.columns();
        for (std::size_t r = 0; r < count; ++r)
            for (std::size_t c = 0; c < columns; ++c) {
                const float value = static_cast<float>(m_x.at(first + r, c));
                m_columns[c * kTaskRows + r] = value;
                if (m_needsRows)
                    m_rows[r * columns + c] = value;
            }
        const std::size_t width = m_shap.width();
        const std::size_t stride = m_shap.outputs * width;
        double *phi = m_shap.values.data() + first * stride;
        for (const PreparedTree &tree : m_trees) {
            double *output = phi + tree.group * width;
            if (tree.patterns) {
                for (std::size_t start = 0; start < count; start += PatternTreeShap::kLockstepRows) {
                    const RowBlock block{
                        .values = m_columns.data() + start,
                        .stride = kTaskRows,
                        .count = std::min(PatternTreeShap::kLockstepRows, count - start)};
                    tree.patterns->explain(block, output + start * stride, stride,
                                           m_states.data());
                }
            } else {
                for (std::size_t r = 0; r < count; ++r)
                    tree.recursion->explain(m_rows.data() + r * columns,
                                            {output + r * stride, columns}, m_path);
            }
        }
        for (std::size_t r = 0; r < count; ++r)
            for (std::size_t g = 0; g < m_shap.outputs; ++g)
                phi[r * stride + g * width + columns] = bias[g];
    }

private:
    const std::vector<PreparedTree> &m_trees;
    const model::FeatureMatrix &m_x;
    ShapValues &m_shap;
    std::vector<float> m_columns; // the task's rows, column-major
    std::vector<float> m_rows;    // the same row-major, for the recursion
    std::vector<std::uint32_t> m_states;
    std::vector<PathElement> m_path;
    bool m_needsRows = false;
};

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

    const std::vector<PreparedTree> trees = prepareTrees(ensemble, x.rows, threads);
    std::vector<double> shares;
    for (const auto &tree : trees)
        shares.push_back(tree.expectedValue());
    const std::vector<double> bias = biasPerOutput(ensemble, *outputs, shares);

    const std::size_t tasks = (x.rows + kTaskRows - 1) / kTaskRows;
    std::atomic<std::size_t> done{0};
    std::atomic<bool> cancelled{false};
    parallelForOn(threads, tasks, [&](std::size_t task) {
        if (cancelled.load(std::memory_order_relaxed) || progress.isCancelled()) {
            cancelled = true;
            return;
        }
        // One explainer per task keeps the scratch small; allocating it is cheap next to
        // explaining 512 rows.
        TaskExplainer explainer(trees, x, shap);
        const std::size_t first = task * kTaskRows;
        explainer.explain(first, std::min(kTaskRows, x.rows - first), bias);
        progress.report(double(++done) / double(tasks), "TreeSHAP");
    });
    if (cancelled || progress.isCancelled())
        return Error::cancelled();
    return shap;
}

} // namespace assay::explain
