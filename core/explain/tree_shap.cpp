#include "explain/tree_shap.h"

#include "common/parallel_for.h"
#include "explain/tree_path_shap.h"

#include <algorithm>
#include <atomic>
#include <string>

namespace assay::explain {

namespace {

// Rows are explained in blocks handed to the threads; each block owns its rows' output, so the
// values do not depend on the thread count.
constexpr std::size_t kBlockRows = 256;

} // namespace

Result<ShapValues> treeShap(const model::TreeEnsemble &ensemble, const model::FeatureMatrix &x,
                            unsigned threads, const Progress &progress)
{
    const auto &signature = ensemble.signature();
    const std::size_t columns = signature.features.size();
    if (x.columns() != columns)
        return Error::invalidInput("TreeSHAP: the data has " + std::to_string(x.columns()) +
                                   " columns, the model " + std::to_string(columns) + " features");

    ShapValues shap;
    shap.rows = x.rows;
    shap.outputs = signature.outputCount();
    shap.features = columns;
    shap.values.assign(shap.rows * shap.outputs * shap.width(), 0.0);

    std::vector<TreePathShap> trees;
    trees.reserve(ensemble.trees().size());
    std::vector<double> bias(shap.outputs, 0.0);
    for (std::size_t g = 0; g < shap.outputs && g < ensemble.baseMargin().size(); ++g)
        bias[g] = ensemble.baseMargin()[g];
    for (const auto &tree : ensemble.trees()) {
        if (tree.outputGroup < 0 || std::size_t(tree.outputGroup) >= shap.outputs)
            return Error::invalidInput("TreeSHAP: a tree adds to output " +
                                       std::to_string(tree.outputGroup) + " of " +
                                       std::to_string(shap.outputs));
        trees.emplace_back(tree);
        bias[tree.outputGroup] += trees.back().expectedValue();
    }

    const std::size_t blocks = (x.rows + kBlockRows - 1) / kBlockRows;
    std::atomic<std::size_t> done{0};
    std::atomic<bool> cancelled{false};
    parallelForOn(threads, blocks, [&](std::size_t block) {
        if (cancelled.load(std::memory_order_relaxed) || progress.isCancelled()) {
            cancelled = true;
            return;
        }
        std::vector<PathElement> scratch;
        std::vector<float> row(columns);
        const std::size_t end = std::min(x.rows, (block + 1) * kBlockRows);
        for (std::size_t r = block * kBlockRows; r < end; ++r) {
            for (std::size_t c = 0; c < columns; ++c)
                row[c] = static_cast<float>(x.at(r, c));
            for (std::size_t t = 0; t < trees.size(); ++t)
                trees[t].explain(row.data(), shap.of(r, ensemble.trees()[t].outputGroup), scratch);
            for (std::size_t g = 0; g < shap.outputs; ++g)
                shap.of(r, g)[columns] = bias[g];
        }
        progress.report(double(++done) / double(blocks), "TreeSHAP");
    });
    if (cancelled || progress.isCancelled())
        return Error::cancelled();
    return shap;
}

} // namespace assay::explain
