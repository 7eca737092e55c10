#include "explain/block_explainer.h"

#include <algorithm>

namespace assay::explain {

BlockExplainer::BlockExplainer(std::span<const PreparedTree> trees, const model::FeatureMatrix &x,
                               ShapValues &shap)
    : m_trees(trees), m_x(x), m_shap(shap), m_columns(kRows * x.columns())
{
    std::size_t states = 0;
    bool recursion = false;
    for (const auto &tree : trees) {
        if (tree.patterns)
            states = std::max(states, tree.patterns->scratchSize());
        else
            recursion = true;
    }
    m_states.resize(states);
    if (recursion)
        m_rows.resize(kRows * x.columns());
}

void BlockExplainer::loadRows(std::size_t first, std::size_t count)
{
    const std::size_t columns = m_x.columns();
    for (std::size_t r = 0; r < count; ++r)
        for (std::size_t c = 0; c < columns; ++c) {
            const float value = static_cast<float>(m_x.at(first + r, c));
            m_columns[c * kRows + r] = value;
            if (!m_rows.empty())
                m_rows[r * columns + c] = value;
        }
}

void BlockExplainer::explain(std::size_t first, std::size_t count)
{
    loadRows(first, count);
    const std::size_t columns = m_x.columns();
    const std::size_t width = m_shap.width();
    const std::size_t stride = m_shap.outputs * width;
    double *phi = m_shap.values.data() + first * stride;
    for (const PreparedTree &tree : m_trees) {
        double *output = phi + tree.group * width;
        if (tree.patterns) {
            for (std::size_t start = 0; start < count; start += PatternTreeShap::kLockstepRows) {
                const RowBlock block{.values = m_columns.data() + start,
                                     .stride = kRows,
                                     .count =
                                         std::min(PatternTreeShap::kLockstepRows, count - start)};
                tree.patterns->explain(block, output + start * stride, stride, m_states.data());
            }
        } else {
            for (std::size_t r = 0; r < count; ++r)
                tree.recursion->explain(m_rows.data() + r * columns, {output + r * stride, columns},
                                        m_path);
        }
    }
}

} // namespace assay::explain
