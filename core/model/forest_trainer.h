#pragma once

#include "model/trainer.h"

#include <memory>

namespace assay::model {

// "forest": a random forest of CART trees, each grown on a bootstrap sample with features drawn
// at every split; the model averages the trees' probabilities or values. Trees grow in parallel
// from seeds derived from the run's seed and the tree's index, so the model does not depend on
// the thread count.
std::unique_ptr<Trainer> makeRandomForestTrainer();

} // namespace assay::model
