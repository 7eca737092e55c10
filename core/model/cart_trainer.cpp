#include "model/cart_trainer.h"

#include "model/cart_data.h"
#include "model/cart_grower.h"

namespace assay::model {

namespace {

class DecisionTreeTrainer final : public Trainer {
public:
    std::string name() const override { return "tree"; }
    std::string description() const override
    {
        return "CART decision tree: native categorical splits, learned missing-value directions";
    }
    std::vector<ParamSpec> params() const override
    {
        auto specs = cart::shapeParams(8);
        specs.push_back(cart::criterionParam());
        return specs;
    }
    bool supports(Task) const override { return true; }

    Result<std::unique_ptr<Model>> train(const TrainingSet &set,
                                         const TrainOptions &options) const override
    {
        auto data = cart::prepareCartData(set);
        if (!data)
            return data.error();
        const auto &params = options.params;
        const cart::SplitProblem problem{
            cart::criterionFor(set.signature.task, params.choice("criterion")), data->classCount,
            data->y, data->weights};
        const cart::GrowSettings settings = cart::growSettings(params, 0);
        Random random(options.seed);
        auto grown = cart::growTree(data->columns, problem, settings, random, options.progress);
        if (!grown)
            return grown.error();
        options.progress.report(1.0, "tree");
        return std::unique_ptr<Model>(cart::makeTreeModel(
            set.signature, cart::toTrees(*grown, set.signature.task, 1.0, data->offset)));
    }
};

} // namespace

std::unique_ptr<Trainer> makeDecisionTreeTrainer()
{
    return std::make_unique<DecisionTreeTrainer>();
}

} // namespace assay::model
