#pragma once

#include "model/trainer.h"

#include <memory>

namespace assay::model {

// "tree": one CART decision tree (gini or entropy for classes, squared error for values), with
// categorical features split natively (one category against the rest) and a learned direction
// for missing values. Leaves hold class probabilities or mean values.
std::unique_ptr<Trainer> makeDecisionTreeTrainer();

} // namespace assay::model
