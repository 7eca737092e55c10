#pragma once

#include "common/result.h"
#include "model/feature_matrix.h"
#include "model/tree_ensemble.h"

#include <string_view>
#include <vector>

namespace assay::explain {

// Checks what every TreeSHAP variant needs: `x` has the model's columns and every tree adds to
// one of the model's outputs. Returns the number of outputs; InvalidInput errors begin with
// `method` ("TreeSHAP: the data has 5 columns, the model 6 features").
Result<std::size_t> checkTreeShapInputs(const model::TreeEnsemble &ensemble,
                                        const model::FeatureMatrix &x, std::string_view method);

// Per output, the model's base margin plus `treeShares` (one value per tree) summed by output.
std::vector<double> biasPerOutput(const model::TreeEnsemble &ensemble, std::size_t outputs,
                                  const std::vector<double> &treeShares);

} // namespace assay::explain
