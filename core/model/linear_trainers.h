#pragma once

#include "model/trainer.h"

#include <memory>

namespace assay::model {

// "linreg": ordinary least squares; categorical features coded against their first level.
std::unique_ptr<Trainer> makeLinearRegressionTrainer();
// "ridge": least squares + alpha·||w||² (param alpha, default 1), every level coded.
std::unique_ptr<Trainer> makeRidgeTrainer();
// "logreg": L2-penalised logistic regression, binary or multinomial (params C, max_iter, tol).
std::unique_ptr<Trainer> makeLogisticRegressionTrainer();

} // namespace assay::model
