#include "explain/tree_shap_interactions.h"
#include "explain/row_blocks.h"
#include "explain/tree_path_shap.h"
#include "explain/tree_shap_inputs.h"

#include <algorithm>

namespace assay::explain {

namespace {

// Rows per parallel task; each task owns its rows' matrices, so the values do not depend on
// the thread count.
constexpr std::size_t kTaskRows = 16;

} // namespace

// XGBoost's formulation (its CPU predictor's interaction contributions): the interaction of
// features i and j is half the difference of j's contribution with i known and with i unknown,
// and i's main effect is its SHAP value minus its interactions. A feature a tree does not split
// on changes nothing when conditioned on, so only the tree's own features are conditioned.
Result<ShapInteractions> treeShapInteractions(const model::TreeEnsemble &ensemble,
                                              const model::FeatureMatrix &x, unsigned threads,
                                              const Progress &progress)
{
    const auto outputs = checkTreeShapInputs(ensemble, x, "TreeSHAP interactions");
    if (!outputs)
        return outputs.error();
    const std::size_t columns = x.columns();
    ShapInteractions result;
    result.rows = x.rows;
    result.outputs = *outputs;
    result.features = columns;
    const std::size_t width = result.width();
    result.values.assign(result.rows * result.outputs * width * width, 0.0);

    std::vector<TreePathShap> trees;
    std::vector<double> shares;
    for (const auto &tree : ensemble.trees()) {
        trees.emplace_back(tree);
        shares.push_back(trees.back().expectedValue());
    }
    const std::vector<double> bias = biasPerOutput(ensemble, result.outputs, shares);

    SharedProgress shared(progress, rowBlockCount(x.rows, kTaskRows), "TreeSHAP interactions");
    ASSAY_TRY(forEachRowBlock(
        threads, x.rows, kTaskRows, shared, [&](std::size_t first, std::size_t count) {
            std::vector<PathElement> scratch;
            std::vector<float> row(columns);
            std::vector<double> phi(result.outputs * columns);
            for (std::size_t r = first; r < first + count; ++r) {
                for (std::size_t c = 0; c < columns; ++c)
                    row[c] = static_cast<float>(x.at(r, c));
                std::fill(phi.begin(), phi.end(), 0.0);
                for (std::size_t t = 0; t < trees.size(); ++t) {
                    const std::size_t group = std::size_t(ensemble.trees()[t].outputGroup);
                    trees[t].explain(row.data(), {phi.data() + group * columns, columns}, scratch);
                    double *matrix = result.of(r, group).data();
                    for (const std::int32_t feature : trees[t].features()) {
                        const std::span<double> interactions(matrix + feature * width, columns);
                        trees[t].explain(row.data(), interactions, scratch,
                                         {ShapCondition::Kind::Known, feature}, 0.5);
                        trees[t].explain(row.data(), interactions, scratch,
                                         {ShapCondition::Kind::Unknown, feature}, -0.5);
                    }
                }
                for (std::size_t g = 0; g < result.outputs; ++g) {
                    double *matrix = result.of(r, g).data();
                    for (std::size_t i = 0; i < columns; ++i) {
                        double *line = matrix + i * width;
                        double mainEffect = phi[g * columns + i];
                        for (std::size_t j = 0; j < columns; ++j)
                            if (j != i)
                                mainEffect -= line[j];
                        line[i] = mainEffect;
                    }
                    matrix[columns * width + columns] = bias[g];
                }
            }
        }));
    return result;
}

} // namespace assay::explain
