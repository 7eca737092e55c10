#pragma once

// The fit behind linreg and ridge; internal to core/model.

#include "common/result.h"
#include "model/linear_model.h"
#include "model/trainer.h"

#include <memory>
#include <string>

namespace assay::model::linear {

// Minimises ||y - Xw - b||² + alpha·||w||² over the design of `set` (the intercept b is not
// penalised; sklearn's LinearRegression for alpha = 0 and Ridge(alpha) otherwise), with
// reference coding of categories when dropFirstLevel. alpha = 0 is solved by QR on the standardised
// design and refuses collinear features (InvalidInput naming them) rather than pick one of
// infinitely many solutions silently.
Result<std::unique_ptr<Model>> fitLeastSquares(const TrainingSet &set, double alpha,
                                               bool dropFirstLevel, const Progress &progress,
                                               const std::string &trainer);

} // namespace assay::model::linear
