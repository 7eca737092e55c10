#include "explain/interventional_tree_shap.h"
#include "explain/row_blocks.h"
#include "explain/tree_shap_inputs.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace assay::explain {

namespace {

constexpr std::size_t kTaskRows = 16;
constexpr std::uint8_t kUnassigned = 0;
constexpr std::uint8_t kFromRow = 1;        // the path follows the explained row's value
constexpr std::uint8_t kFromBackground = 2; // the path follows the background row's value

// One (row, background row) pair walking one tree. Where the two rows part ways at a split,
// the walk follows both: the row's side with the feature among the coalition, the background's
// side without it. A leaf reached with features A taken from the row and B from the background
// is the game v(S) = value·[A ⊆ S, B ∩ S = ∅], whose Shapley values are
// value·(|A|-1)!|B|!/(|A|+|B|)! for A's features and -value·|A|!(|B|-1)!/(|A|+|B|)! for B's.
class InterventionalWalk {
public:
    InterventionalWalk(std::size_t columns, std::size_t maxDepth)
        : m_owner(columns, kUnassigned), m_factorials(maxDepth + 2, 1.0)
    {
        m_assigned.reserve(maxDepth + 1);
        for (std::size_t n = 1; n < m_factorials.size(); ++n)
            m_factorials[n] = m_factorials[n - 1] * double(n);
    }

    void run(const model::Tree &tree, const float *row, const float *background, double weight,
             double *phi)
    {
        if (tree.nodes.empty())
            return;
        m_tree = &tree;
        m_row = row;
        m_background = background;
        m_weight = weight;
        m_phi = phi;
        walk(0, 0, 0);
    }

private:
    void walk(std::int32_t index, std::size_t fromRow, std::size_t fromBackground)
    {
        const model::TreeNode &node = m_tree->nodes[index];
        if (node.isLeaf()) {
            addLeaf(node.leafValue, fromRow, fromBackground);
            return;
        }
        const auto feature = std::size_t(node.feature);
        const bool rowLeft = model::goesLeft(node, m_row[feature]);
        const bool backgroundLeft = model::goesLeft(node, m_background[feature]);
        const auto side = [&](bool left) { return left ? node.left : node.right; };
        if (m_owner[feature] == kFromRow)
            return walk(side(rowLeft), fromRow, fromBackground);
        if (m_owner[feature] == kFromBackground)
            return walk(side(backgroundLeft), fromRow, fromBackground);
        if (rowLeft == backgroundLeft)
            return walk(side(rowLeft), fromRow, fromBackground);
        m_assigned.push_back(node.feature);
        m_owner[feature] = kFromRow;
        walk(side(rowLeft), fromRow + 1, fromBackground);
        m_owner[feature] = kFromBackground;
        walk(side(backgroundLeft), fromRow, fromBackground + 1);
        m_owner[feature] = kUnassigned;
        m_assigned.pop_back();
    }

    void addLeaf(double value, std::size_t fromRow, std::size_t fromBackground)
    {
        const std::size_t players = fromRow + fromBackground;
        if (players == 0)
            return;
        const double scaled = value * m_weight / m_factorials[players];
        const double rowShare =
            fromRow > 0 ? scaled * m_factorials[fromRow - 1] * m_factorials[fromBackground] : 0.0;
        const double backgroundShare =
            fromBackground > 0 ? scaled * m_factorials[fromRow] * m_factorials[fromBackground - 1]
                               : 0.0;
        for (const std::int32_t feature : m_assigned)
            m_phi[feature] += m_owner[feature] == kFromRow ? rowShare : -backgroundShare;
    }

    std::vector<std::uint8_t> m_owner; // per feature, which row the current path follows
    std::vector<std::int32_t> m_assigned;
    std::vector<double> m_factorials;
    const model::Tree *m_tree = nullptr;
    const float *m_row = nullptr;
    const float *m_background = nullptr;
    double m_weight = 0;
    double *m_phi = nullptr;
};

std::vector<float> asFloats(const model::FeatureMatrix &matrix)
{
    std::vector<float> values(matrix.values.size());
    std::transform(matrix.values.begin(), matrix.values.end(), values.begin(),
                   [](double value) { return static_cast<float>(value); });
    return values;
}

// The background's weighted mean margin, leaf values summed in double.
std::vector<double> meanMargins(const model::TreeEnsemble &ensemble,
                                const model::FeatureMatrix &background,
                                std::span<const double> weights, std::size_t outputs)
{
    std::vector<double> mean(outputs, 0.0);
    for (std::size_t g = 0; g < outputs && g < ensemble.baseMargin().size(); ++g)
        mean[g] = ensemble.baseMargin()[g];
    for (std::size_t b = 0; b < background.rows; ++b)
        for (const auto &tree : ensemble.trees())
            if (!tree.nodes.empty())
                mean[tree.outputGroup] +=
                    weights[b] * tree.nodes[tree.leafIndex(background.row(b))].leafValue;
    return mean;
}

} // namespace

Result<ShapValues> interventionalTreeShap(const model::TreeEnsemble &ensemble,
                                          const model::FeatureMatrix &x,
                                          const Background &background, unsigned threads,
                                          const Progress &progress)
{
    const auto outputs = checkTreeShapInputs(ensemble, x, "Interventional TreeSHAP");
    if (!outputs)
        return outputs.error();
    const std::size_t columns = x.columns();
    ASSAY_TRY(validateBackground(background, columns, "Interventional TreeSHAP"));
    const std::vector<double> weights = normalizedWeights(background);

    ShapValues shap;
    shap.rows = x.rows;
    shap.outputs = *outputs;
    shap.features = columns;
    shap.values.assign(shap.rows * shap.outputs * shap.width(), 0.0);
    const std::vector<double> bias = meanMargins(ensemble, background.rows, weights, shap.outputs);
    const std::vector<float> backgroundRows = asFloats(background.rows);
    std::size_t maxDepth = 0;
    for (const auto &tree : ensemble.trees())
        maxDepth = std::max(maxDepth, model::treeDepth(tree));

    SharedProgress shared(progress, rowBlockCount(x.rows, kTaskRows), "Interventional TreeSHAP");
    ASSAY_TRY(forEachRowBlock(
        threads, x.rows, kTaskRows, shared, [&](std::size_t first, std::size_t count) {
            InterventionalWalk walk(columns, maxDepth);
            std::vector<float> row(columns);
            for (std::size_t r = first; r < first + count; ++r) {
                for (std::size_t c = 0; c < columns; ++c)
                    row[c] = static_cast<float>(x.at(r, c));
                for (const auto &tree : ensemble.trees()) {
                    double *phi = shap.of(r, std::size_t(tree.outputGroup)).data();
                    for (std::size_t b = 0; b < background.rows.rows; ++b)
                        walk.run(tree, row.data(), backgroundRows.data() + b * columns, weights[b],
                                 phi);
                }
                for (std::size_t g = 0; g < shap.outputs; ++g)
                    shap.of(r, g)[columns] = bias[g];
            }
        }));
    return shap;
}

} // namespace assay::explain
