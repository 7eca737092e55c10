#pragma once

#include "common/result.h"
#include "explain/predictor.h"

#include <cstddef>
#include <string_view>

namespace assay::explain {

// Checks a predictor's answer before an explainer indexes it: `rows` rows of `outputs` values
// each (`outputs` 0: any positive count), and as many values as that makes. A predictor giving
// another shape (an external command, most likely) is the user's input gone wrong:
// InvalidInput naming `explainer` and the shapes expected and got.
Status checkPredictionShape(const Predictions &predictions, std::size_t rows, std::size_t outputs,
                            std::string_view explainer);

} // namespace assay::explain
