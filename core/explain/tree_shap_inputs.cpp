#include "explain/tree_shap_inputs.h"

#include <string>

namespace assay::explain {

Result<std::size_t> checkTreeShapInputs(const model::TreeEnsemble &ensemble,
                                        const model::FeatureMatrix &x, std::string_view method)
{
    const std::string name(method);
    const std::size_t columns = ensemble.signature().features.size();
    if (x.columns() != columns)
        return Error::invalidInput(name + ": the data has " + std::to_string(x.columns()) +
                                   " columns, the model " + std::to_string(columns) + " features");
    const std::size_t outputs = ensemble.signature().outputCount();
    for (const auto &tree : ensemble.trees())
        if (tree.outputGroup < 0 || std::size_t(tree.outputGroup) >= outputs)
            return Error::invalidInput(name + ": a tree adds to output " +
                                       std::to_string(tree.outputGroup) + " of " +
                                       std::to_string(outputs));
    return outputs;
}

std::vector<double> biasPerOutput(const model::TreeEnsemble &ensemble, std::size_t outputs,
                                  const std::vector<double> &treeShares)
{
    std::vector<double> bias(outputs, 0.0);
    for (std::size_t g = 0; g < outputs && g < ensemble.baseMargin().size(); ++g)
        bias[g] = ensemble.baseMargin()[g];
    for (std::size_t t = 0; t < ensemble.trees().size(); ++t)
        bias[ensemble.trees()[t].outputGroup] += treeShares[t];
    return bias;
}

} // namespace assay::explain
