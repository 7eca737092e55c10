#pragma once

#include "common/result.h"
#include "model/cart_grower.h"
#include "model/split_search.h"
#include "model/trainer.h"
#include "model/tree_ensemble.h"

#include <memory>
#include <string>
#include <vector>

namespace assay::model::cart {

// A training set in the form the CART grower reads; shared by the tree and forest trainers.
struct CartData {
    SplitColumns columns;
    std::vector<double> y;       // class index, or the target minus `offset` for regression
    std::vector<double> weights; // 1, or 0 for a row whose target is missing
    double offset = 0;           // regression: the mean target, subtracted to keep sums small
    std::size_t classCount = 0;  // 0 for regression
    std::size_t usableRows = 0;  // rows with a target
};

// Checks the set (matching sizes, class indices within the classes, at least one row with a
// target) and converts it. InvalidInput says what is wrong.
Result<CartData> prepareCartData(const TrainingSet &set);

// The split criterion for the task: squared error for regression, else the "criterion" choice
// (gini or entropy).
Criterion criterionFor(Task task, const std::string &choice);

// An integer parameter of the tree trainers.
ParamSpec intParam(std::string name, double defaultValue, double minimum, double maximum,
                   std::string help);

// The criterion parameter both trainers take.
ParamSpec criterionParam();

// max_depth (default `defaultDepth`, 0: no limit), min_samples_split and min_samples_leaf:
// the shape limits both trainers take.
std::vector<ParamSpec> shapeParams(double defaultDepth);

// Grow settings from those parameters, drawing `featuresPerSplit` features at each split
// (0: all).
GrowSettings growSettings(const ParamValues &params, std::size_t featuresPerSplit);

// Sums of tree outputs need no link: leaves already hold probabilities or values.
std::unique_ptr<TreeEnsemble> makeTreeModel(const ModelSignature &signature,
                                            std::vector<Tree> trees);

} // namespace assay::model::cart
