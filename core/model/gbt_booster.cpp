#include "model/gbt_booster.h"

#include "model/worker_pool.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace assay::model {

namespace {

constexpr std::size_t kRowsPerTask = 8192;

std::size_t taskCount(std::size_t rows)
{
    return (rows + kRowsPerTask - 1) / kRowsPerTask;
}

std::vector<float> repeatedMargins(std::size_t rows, const std::vector<float> &base)
{
    std::vector<float> margins(rows * base.size());
    for (std::size_t row = 0; row < rows; ++row)
        std::copy(base.begin(), base.end(),
                  margins.begin() + static_cast<std::ptrdiff_t>(row * base.size()));
    return margins;
}

// Tree::leafIndex for a row in place: the same test (the value rounded to float, XGBoost's
// semantics) without copying the row.
std::size_t leafOf(const Tree &tree, const double *row)
{
    std::size_t index = 0;
    for (;;) {
        const TreeNode &node = tree.nodes[index];
        if (node.isLeaf())
            return index;
        const float value = static_cast<float>(row[node.feature]);
        const bool left = std::isnan(value)  ? node.defaultLeft
                          : node.categorical ? value == node.threshold
                                             : value < node.threshold;
        index = static_cast<std::size_t>(left ? node.left : node.right);
    }
}

TreeParams treeParams(const GbtParams &params)
{
    TreeParams tree;
    tree.maxDepth = params.maxDepth;
    tree.learningRate = params.learningRate;
    tree.split = {params.regLambda, params.minChildWeight, params.gamma};
    return tree;
}

} // namespace

Booster::Booster(const FeatureMatrix &x, std::span<const double> y, const BinnedMatrix &bins,
                 const BoostingObjective &objective, const GbtParams &params, std::uint64_t seed,
                 WorkerPool &pool)
    : m_x(x), m_y(y), m_objective(objective), m_params(params), m_pool(pool), m_random(seed),
      m_builder(bins, pool, treeParams(params)), m_outputs(objective.outputs()),
      m_baseMargin(objective.baseMargin(y)), m_margins(repeatedMargins(x.rows, m_baseMargin)),
      m_grad(m_outputs * x.rows), m_hess(m_outputs * x.rows)
{
}

void Booster::setValidation(const FeatureMatrix &x, std::span<const double> y)
{
    m_validX = &x;
    m_validY = y;
    m_validMargins = repeatedMargins(x.rows, m_baseMargin);
}

std::vector<std::uint32_t> Booster::drawRows()
{
    std::vector<std::uint32_t> rows;
    if (m_params.subsample >= 1) {
        rows.resize(m_x.rows);
        std::iota(rows.begin(), rows.end(), 0u);
        return rows;
    }
    rows.reserve(static_cast<std::size_t>(static_cast<double>(m_x.rows) * m_params.subsample) + 1);
    for (std::uint32_t row = 0; row < m_x.rows; ++row)
        if (m_random.chance(m_params.subsample))
            rows.push_back(row);
    return rows;
}

// round(share × features) of them, at least one, drawn without replacement.
std::vector<char> Booster::drawFeatures()
{
    const std::size_t columns = m_x.columns();
    if (m_params.colsampleByTree >= 1)
        return std::vector<char>(columns, 1);
    const auto wanted =
        std::clamp<std::size_t>(static_cast<std::size_t>(std::lround(m_params.colsampleByTree *
                                                                     static_cast<double>(columns))),
                                1, columns);
    std::vector<std::size_t> order(columns);
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t i = 0; i < wanted; ++i) // partial Fisher–Yates
        std::swap(order[i], order[i + static_cast<std::size_t>(m_random.uniform() *
                                                               static_cast<double>(columns - i))]);
    std::vector<char> allowed(columns, 0);
    for (std::size_t i = 0; i < wanted; ++i)
        allowed[order[i]] = 1;
    return allowed;
}

void Booster::computeGradients()
{
    m_pool.run(taskCount(m_x.rows), [&](std::size_t task, unsigned) {
        m_objective.gradients(m_margins, m_y, task * kRowsPerTask,
                              std::min(m_x.rows, (task + 1) * kRowsPerTask), m_grad, m_hess);
    });
}

void Booster::boostRound()
{
    computeGradients();
    const std::vector<std::uint32_t> rows = drawRows();
    for (std::size_t output = 0; output < m_outputs; ++output) {
        const std::vector<char> features = drawFeatures();
        const std::size_t offset = output * m_x.rows;
        quantizeGradients(std::span(m_grad).subspan(offset, m_x.rows),
                          std::span(m_hess).subspan(offset, m_x.rows), m_quantized, m_pool);
        Tree tree = m_builder.grow(m_quantized, rows, features, static_cast<std::int32_t>(output));
        m_builder.addLeafValues(tree, m_margins, m_outputs);
        if (rows.size() < m_x.rows)
            addToOutOfSampleRows(tree, rows);
        if (m_validX)
            addToValidation(tree);
        m_trees.push_back(std::move(tree));
    }
}

// Rows left out of the round's sample did not reach a leaf while growing; the tree routes
// them from their raw values exactly as the bins would have.
void Booster::addToOutOfSampleRows(const Tree &tree, std::span<const std::uint32_t> sampled)
{
    std::vector<std::uint32_t> outOfSample;
    outOfSample.reserve(m_x.rows - sampled.size());
    std::size_t next = 0;
    for (std::uint32_t row = 0; row < m_x.rows; ++row) {
        if (next < sampled.size() && sampled[next] == row)
            ++next;
        else
            outOfSample.push_back(row);
    }
    const auto group = static_cast<std::size_t>(tree.outputGroup);
    m_pool.run(taskCount(outOfSample.size()), [&](std::size_t task, unsigned) {
        const std::size_t end = std::min(outOfSample.size(), (task + 1) * kRowsPerTask);
        for (std::size_t i = task * kRowsPerTask; i < end; ++i) {
            const std::uint32_t row = outOfSample[i];
            const std::size_t leaf = leafOf(tree, m_x.row(row).data());
            m_margins[row * m_outputs + group] += tree.nodes[leaf].leafValue;
        }
    });
}

void Booster::addToValidation(const Tree &tree)
{
    const auto group = static_cast<std::size_t>(tree.outputGroup);
    const std::size_t rows = m_validX->rows;
    m_pool.run(taskCount(rows), [&](std::size_t task, unsigned) {
        const std::size_t end = std::min(rows, (task + 1) * kRowsPerTask);
        for (std::size_t row = task * kRowsPerTask; row < end; ++row) {
            const std::size_t leaf = leafOf(tree, m_validX->row(row).data());
            m_validMargins[row * m_outputs + group] += tree.nodes[leaf].leafValue;
        }
    });
}

double Booster::trainMetric() const
{
    return m_objective.metric(m_margins, m_y, m_pool);
}

double Booster::validationMetric() const
{
    return m_objective.metric(m_validMargins, m_validY, m_pool);
}

std::vector<Tree> Booster::takeTrees(int rounds)
{
    m_trees.resize(std::min(m_trees.size(), static_cast<std::size_t>(rounds) * m_outputs));
    return std::move(m_trees);
}

} // namespace assay::model
