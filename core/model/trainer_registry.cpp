#include "model/trainer.h"

#include "model/cart_trainer.h"
#include "model/forest_trainer.h"
#include "model/gbt_trainer.h"
#include "model/linear_trainers.h"

#include <algorithm>

namespace assay::model {

const std::vector<std::unique_ptr<Trainer>> &trainers()
{
    static const std::vector<std::unique_ptr<Trainer>> all = [] {
        std::vector<std::unique_ptr<Trainer>> list;
        list.push_back(makeLinearRegressionTrainer());
        list.push_back(makeRidgeTrainer());
        list.push_back(makeLogisticRegressionTrainer());
        list.push_back(makeDecisionTreeTrainer());
        list.push_back(makeRandomForestTrainer());
        list.push_back(makeGradientBoostingTrainer());
        return list;
    }();
    return all;
}

const Trainer *findTrainer(std::string_view name)
{
    const auto &all = trainers();
    const auto found = std::find_if(all.begin(), all.end(),
                                    [&](const auto &trainer) { return trainer->name() == name; });
    return found == all.end() ? nullptr : found->get();
}

} // namespace assay::model
