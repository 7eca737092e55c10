#pragma once

#include "model/trainer.h"

#include <memory>

namespace assay::model {

// "gbt": histogram gradient-boosted trees (logistic, softmax or squared-error loss by task),
// with XGBoost's parameter names. Gives a TreeEnsemble; deterministic for any thread count.
std::unique_ptr<Trainer> makeGradientBoostingTrainer();

} // namespace assay::model
