#include "model/gbt_params.h"

namespace assay::model {

std::vector<ParamSpec> GbtParams::specs()
{
    using Type = ParamSpec::Type;
    return {
        {"n_estimators", Type::Int, 100, 1, 100000, {}, "boosting rounds"},
        {"learning_rate", Type::Double, 0.3, 0, 1, {}, "shrinks each tree's leaf values (eta)"},
        {"max_depth", Type::Int, 6, 1, 16, {}, "depth of each tree"},
        {"min_child_weight", Type::Double, 1, 0, 1e12, {}, "least hessian sum in a child"},
        {"reg_lambda", Type::Double, 1, 0, 1e12, {}, "L2 penalty on leaf weights"},
        {"gamma", Type::Double, 0, 0, 1e12, {}, "least loss reduction to make a split"},
        {"subsample", Type::Double, 1, 0.001, 1, {}, "share of rows drawn for each round"},
        {"colsample_bytree", Type::Double, 1, 0.001, 1, {}, "share of features drawn per tree"},
        {"max_bin", Type::Int, 256, 2, 256, {}, "histogram bins per numeric feature"},
        {"early_stopping_rounds",
         Type::Int,
         0,
         0,
         100000,
         {},
         "stop when the validation loss has not improved for this many rounds (0: off)"},
    };
}

GbtParams GbtParams::from(const ParamValues &values)
{
    GbtParams params;
    params.nEstimators = values.integer("n_estimators");
    params.learningRate = values.number("learning_rate");
    params.maxDepth = values.integer("max_depth");
    params.minChildWeight = values.number("min_child_weight");
    params.regLambda = values.number("reg_lambda");
    params.gamma = values.number("gamma");
    params.subsample = values.number("subsample");
    params.colsampleByTree = values.number("colsample_bytree");
    params.maxBin = values.integer("max_bin");
    params.earlyStoppingRounds = values.integer("early_stopping_rounds");
    return params;
}

} // namespace assay::model
