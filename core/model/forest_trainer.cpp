#include "model/forest_trainer.h"

#include "common/parallel_for.h"
#include "model/cart_data.h"
#include "model/cart_grower.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>

namespace assay::model {

namespace {

// A well-mixed seed per tree (splitmix64 of the run's seed and the index): neighbouring indices
// give unrelated streams.
std::uint64_t treeSeed(std::uint64_t seed, std::size_t index)
{
    std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (static_cast<std::uint64_t>(index) + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// As scikit-learn: "auto" is sqrt for classification and all features for regression.
std::size_t featuresPerSplit(const ParamValues &params, Task task, std::size_t features)
{
    std::string rule = params.choice("max_features");
    if (rule == "auto")
        rule = task == Task::Regression ? "all" : "sqrt";
    const auto count = static_cast<double>(features);
    double chosen = count;
    if (rule == "sqrt")
        chosen = std::floor(std::sqrt(count));
    else if (rule == "log2")
        chosen = std::floor(std::log2(count));
    else if (rule == "fraction")
        chosen = std::floor(params.number("max_features_fraction") * count);
    return static_cast<std::size_t>(std::clamp(chosen, 1.0, count));
}

// Bootstrap counts: as many draws with replacement as there are rows with a target.
std::vector<double> bootstrapWeights(const std::vector<double> &baseWeights, std::size_t usable,
                                     Random &random)
{
    std::vector<std::size_t> eligible;
    eligible.reserve(usable);
    for (std::size_t row = 0; row < baseWeights.size(); ++row)
        if (baseWeights[row] > 0)
            eligible.push_back(row);
    std::vector<double> weights(baseWeights.size(), 0.0);
    const int last = static_cast<int>(eligible.size()) - 1;
    for (std::size_t draw = 0; draw < eligible.size(); ++draw)
        weights[eligible[static_cast<std::size_t>(random.integer(0, last))]] += 1;
    return weights;
}

class RandomForestTrainer final : public Trainer {
public:
    std::string name() const override { return "forest"; }
    std::string description() const override
    {
        return "Random forest: bagged CART trees with features drawn at each split, averaged";
    }
    std::vector<ParamSpec> params() const override
    {
        using cart::intParam;
        ParamSpec maxFeatures{"max_features", ParamSpec::Type::Choice, 0, 0, 0,
                              {"auto", "sqrt", "log2", "all", "fraction"},
                              "features drawn at each split; auto: sqrt for classification, all "
                              "for regression; fraction: max_features_fraction of them"};
        ParamSpec fraction{"max_features_fraction", ParamSpec::Type::Double, 0.5, 0.001, 1, {},
                           "share of features drawn at each split when max_features=fraction"};
        ParamSpec bootstrap{"bootstrap", ParamSpec::Type::Choice, 0, 0, 0, {"true", "false"},
                            "grow each tree on a bootstrap sample of the rows"};
        std::vector<ParamSpec> specs{intParam("n_estimators", 100, 1, 10000, "number of trees")};
        for (auto &shape : cart::shapeParams(0))
            specs.push_back(std::move(shape));
        specs.insert(specs.end(), {maxFeatures, fraction, bootstrap, cart::criterionParam()});
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
        const Task task = set.signature.task;
        const auto treeCount = static_cast<std::size_t>(params.integer("n_estimators"));
        const bool bootstrap = params.choice("bootstrap") == "true";
        const cart::GrowSettings settings =
            cart::growSettings(params, featuresPerSplit(params, task, data->columns.values.size()));
        const auto criterion = cart::criterionFor(task, params.choice("criterion"));

        std::vector<std::vector<Tree>> forest(treeCount);
        std::vector<std::optional<Error>> errors(treeCount);
        std::atomic<std::size_t> done{0};
        parallelForOn(options.threads, treeCount, [&](std::size_t index) {
            if (options.progress.isCancelled()) {
                errors[index] = Error::cancelled();
                return;
            }
            Random random(treeSeed(options.seed, index));
            const auto weights = bootstrap
                                     ? bootstrapWeights(data->weights, data->usableRows, random)
                                     : data->weights;
            const cart::SplitProblem problem{criterion, data->classCount, data->y, weights};
            auto grown = cart::growTree(data->columns, problem, settings, random, options.progress);
            if (!grown) {
                errors[index] = grown.error();
                return;
            }
            forest[index] = cart::toTrees(*grown, task, 1.0 / static_cast<double>(treeCount),
                                          data->offset);
            options.progress.report(static_cast<double>(++done) / static_cast<double>(treeCount),
                                    "trees");
        });
        for (auto &error : errors)
            if (error)
                return *error;
        std::vector<Tree> trees;
        for (auto &treesOfOne : forest)
            for (auto &tree : treesOfOne)
                trees.push_back(std::move(tree));
        return std::unique_ptr<Model>(cart::makeTreeModel(set.signature, std::move(trees)));
    }
};

} // namespace

std::unique_ptr<Trainer> makeRandomForestTrainer()
{
    return std::make_unique<RandomForestTrainer>();
}

} // namespace assay::model
