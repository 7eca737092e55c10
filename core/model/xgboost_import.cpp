#include "model/xgboost_import.h"

#include "model/json_fields.h"

#include <cmath>
#include <vector>

namespace assay::model {

namespace {

struct Objective {
    Task task = Task::Regression;
    OutputLink link = OutputLink::Identity;
    std::size_t outputs = 1;
    std::string name;
};

Result<Objective> readObjective(const JsonFields &learner, const JsonFields &modelParam)
{
    auto objective = learner.object("objective");
    if (!objective)
        return objective.error();
    auto name = objective->string("name");
    if (!name)
        return name.error();
    if (*name == "binary:logistic")
        return Objective{Task::Binary, OutputLink::Logistic, 1, *name};
    if (*name == "reg:squarederror")
        return Objective{Task::Regression, OutputLink::Identity, 1, *name};
    if (*name == "multi:softprob" || *name == "multi:softmax") {
        auto classes = modelParam.numberInString("num_class");
        if (!classes)
            return classes.error();
        if (*classes < 2 || *classes != std::floor(*classes) || *classes > 100000)
            return modelParam.error("num_class", "expected a whole number of classes >= 2 for " +
                                                     *name);
        return Objective{Task::Multiclass, OutputLink::Softmax,
                         static_cast<std::size_t>(*classes), *name};
    }
    return objective->error("name", "objective '" + *name +
                                        "' is not supported (binary:logistic, reg:squarederror, "
                                        "multi:softprob and multi:softmax are)");
}

// XGBoost turns base_score into the starting margin with the objective's inverse link, in float.
Result<std::vector<float>> readBaseMargin(const JsonFields &modelParam, const Objective &objective)
{
    auto baseScore = modelParam.numberInString("base_score");
    if (!baseScore)
        return baseScore.error();
    const auto score = static_cast<float>(*baseScore);
    float margin = score;
    if (objective.link == OutputLink::Logistic) {
        if (!(score > 0.0f && score < 1.0f))
            return modelParam.error("base_score", "must be in (0, 1) for " +
                                                      objective.name);
        margin = -std::log(1.0f / score - 1.0f);
    }
    return std::vector<float>(objective.outputs, margin);
}

Result<std::vector<FeatureSpec>> readFeatures(const JsonFields &learner, std::size_t count)
{
    std::vector<std::string> names;
    if (learner.has("feature_names")) {
        auto given = learner.strings("feature_names");
        if (!given)
            return given.error();
        names = std::move(*given);
    }
    if (!names.empty() && names.size() != count)
        return learner.error("feature_names", "expected " + std::to_string(count) +
                                                  " names (num_feature), found " +
                                                  std::to_string(names.size()));
    if (learner.has("feature_types")) {
        auto types = learner.strings("feature_types");
        if (!types)
            return types.error();
        for (std::size_t i = 0; i < types->size(); ++i) {
            const auto &type = (*types)[i];
            if (type == "c")
                return learner.error("feature_types[" + std::to_string(i) + "]",
                                     "categorical features are not supported; save the model "
                                     "trained on numeric (e.g. one-hot) features");
            if (type != "q" && type != "float" && type != "int" && type != "i")
                return learner.error("feature_types[" + std::to_string(i) + "]",
                                     "unknown feature type '" + type + "'");
        }
    }
    std::vector<FeatureSpec> features(count);
    for (std::size_t i = 0; i < count; ++i)
        features[i].name = names.empty() ? "f" + std::to_string(i) : names[i];
    return features;
}

// The tree's arrays, each checked to hold one entry per node.
struct TreeArrays {
    std::vector<std::int64_t> left, right, feature;
    std::vector<double> condition, cover;
    std::vector<bool> defaultLeft;
    std::vector<std::int64_t> splitType; // empty when the file predates categorical support
};

Result<TreeArrays> readTreeArrays(const JsonFields &tree)
{
    TreeArrays arrays;
    auto left = tree.integers("left_children");
    if (!left)
        return left.error();
    arrays.left = std::move(*left);
    const std::size_t nodes = arrays.left.size();
    if (nodes == 0)
        return tree.error("left_children", "a tree needs at least one node");
    const auto sized = [&](auto result, std::string_view key, auto &into) -> Status {
        if (!result)
            return result.error();
        if (result->size() != nodes)
            return tree.error(key, "expected " + std::to_string(nodes) +
                                       " entries (one per node), found " +
                                       std::to_string(result->size()));
        into = std::move(*result);
        return {};
    };
    ASSAY_TRY(sized(tree.integers("right_children"), "right_children", arrays.right));
    ASSAY_TRY(sized(tree.integers("split_indices"), "split_indices", arrays.feature));
    ASSAY_TRY(sized(tree.doubles("split_conditions"), "split_conditions", arrays.condition));
    ASSAY_TRY(sized(tree.flags("default_left"), "default_left", arrays.defaultLeft));
    ASSAY_TRY(sized(tree.doubles("sum_hessian"), "sum_hessian", arrays.cover));
    if (tree.has("split_type"))
        ASSAY_TRY(sized(tree.integers("split_type"), "split_type", arrays.splitType));
    return arrays;
}

// Converts the nodes reachable from the root, checking that they form a tree, numbered anew in
// the order they are reached: nodes XGBoost deleted while pruning are unreachable and dropped.
Result<Tree> readTree(const JsonFields &tree, std::size_t featureCount)
{
    auto arrays = readTreeArrays(tree);
    if (!arrays)
        return arrays.error();
    const auto &a = *arrays;
    const std::size_t count = a.left.size();
    std::vector<std::int32_t> newIndex(count, -1);
    std::vector<std::size_t> order{0}; // original indices, in their new order
    newIndex[0] = 0;
    for (std::size_t next = 0; next < order.size(); ++next) {
        const std::size_t i = order[next];
        if (a.left[i] == -1)
            continue;
        const std::string at = "[" + std::to_string(i) + "]";
        for (const auto &[key, child] : {std::pair{"left_children", a.left[i]},
                                         std::pair{"right_children", a.right[i]}}) {
            if (child <= 0 || static_cast<std::size_t>(child) >= count)
                return tree.error(key + at, "child index " + std::to_string(child) +
                                                " is outside the tree's " + std::to_string(count) +
                                                " nodes");
            if (newIndex[static_cast<std::size_t>(child)] >= 0)
                return tree.error(key + at, "node " + std::to_string(child) +
                                                " is reached twice: not a tree");
            newIndex[static_cast<std::size_t>(child)] = static_cast<std::int32_t>(order.size());
            order.push_back(static_cast<std::size_t>(child));
        }
        if (a.feature[i] < 0 || static_cast<std::size_t>(a.feature[i]) >= featureCount)
            return tree.error("split_indices" + at, "feature " + std::to_string(a.feature[i]) +
                                                        " is outside the model's " +
                                                        std::to_string(featureCount) + " features");
        if (!a.splitType.empty() && a.splitType[i] != 0)
            return tree.error("split_type" + at, "categorical splits are not supported");
    }
    Tree result;
    result.nodes.reserve(order.size());
    for (const std::size_t i : order) {
        TreeNode node;
        node.cover = a.cover[i];
        if (a.left[i] == -1) {
            node.leafValue = static_cast<float>(a.condition[i]);
        } else {
            node.left = newIndex[static_cast<std::size_t>(a.left[i])];
            node.right = newIndex[static_cast<std::size_t>(a.right[i])];
            node.feature = static_cast<std::int32_t>(a.feature[i]);
            node.threshold = static_cast<float>(a.condition[i]);
            node.defaultLeft = a.defaultLeft[i];
        }
        result.nodes.push_back(node);
    }
    return result;
}

Result<std::vector<Tree>> readTrees(const JsonFields &booster, const Objective &objective,
                                    std::size_t featureCount)
{
    auto model = booster.object("model");
    if (!model)
        return model.error();
    auto trees = model->array("trees");
    if (!trees)
        return trees.error();
    auto groups = model->integers("tree_info");
    if (!groups)
        return groups.error();
    if (groups->size() != static_cast<std::size_t>(trees->size()))
        return model->error("tree_info", "expected " + std::to_string(trees->size()) +
                                             " entries (one per tree), found " +
                                             std::to_string(groups->size()));
    if (model->has("gbtree_model_param")) {
        auto param = model->object("gbtree_model_param");
        if (!param)
            return param.error();
        if (param->has("num_trees")) {
            auto declared = param->numberInString("num_trees");
            if (!declared)
                return declared.error();
            if (*declared != static_cast<double>(trees->size()))
                return model->error("trees", "expected " + std::to_string(std::llround(*declared)) +
                                                 " trees (gbtree_model_param.num_trees), found " +
                                                 std::to_string(trees->size()));
        }
    }
    std::vector<Tree> result;
    result.reserve(static_cast<std::size_t>(trees->size()));
    for (qsizetype t = 0; t < trees->size(); ++t) {
        auto fields = model->element(*trees, "trees", t);
        if (!fields)
            return fields.error();
        auto tree = readTree(*fields, featureCount);
        if (!tree)
            return tree.error();
        const auto group = (*groups)[static_cast<std::size_t>(t)];
        if (group < 0 || static_cast<std::size_t>(group) >= objective.outputs)
            return model->error("tree_info[" + std::to_string(t) + "]",
                                "output group " + std::to_string(group) + " is outside the model's " +
                                    std::to_string(objective.outputs) + " outputs");
        tree->outputGroup = static_cast<std::int32_t>(group);
        result.push_back(std::move(*tree));
    }
    return result;
}

Status checkBooster(const JsonFields &booster)
{
    auto name = booster.string("name");
    if (!name)
        return name.error();
    if (*name == "gbtree")
        return {};
    if (*name == "gblinear")
        return booster.error("name", "a linear booster (gblinear) holds no trees; only gbtree "
                                     "models can be imported");
    if (*name == "dart")
        return booster.error("name", "dart models scale each tree by a weight (weight_drop) "
                                     "that this import does not apply; retrain with "
                                     "booster='gbtree'");
    return booster.error("name", "booster '" + *name + "' is not supported (only gbtree is)");
}

Status checkSingleTarget(const JsonFields &modelParam)
{
    if (!modelParam.has("num_target"))
        return {};
    auto targets = modelParam.numberInString("num_target");
    if (!targets)
        return targets.error();
    if (*targets != 1)
        return modelParam.error("num_target", "multi-target models are not supported");
    return {};
}

std::string targetName(const JsonFields &learner)
{
    const auto attributes = learner.object().value(QStringLiteral("attributes")).toObject();
    return attributes.value(QStringLiteral("target")).toString().toStdString();
}

} // namespace

bool isXgboostModel(const QJsonObject &root)
{
    const auto learner = root.value(QStringLiteral("learner"));
    return learner.isObject() && learner.toObject().contains(QStringLiteral("gradient_booster"));
}

Result<std::unique_ptr<TreeEnsemble>> importXgboostModel(const QJsonObject &root,
                                                         std::string_view displayName)
{
    const JsonFields document(displayName, root);
    auto learner = document.object("learner");
    if (!learner)
        return learner.error();
    auto booster = learner->object("gradient_booster");
    if (!booster)
        return booster.error();
    ASSAY_TRY(checkBooster(*booster));
    auto modelParam = learner->object("learner_model_param");
    if (!modelParam)
        return modelParam.error();
    ASSAY_TRY(checkSingleTarget(*modelParam));
    auto objective = readObjective(*learner, *modelParam);
    if (!objective)
        return objective.error();
    auto baseMargin = readBaseMargin(*modelParam, *objective);
    if (!baseMargin)
        return baseMargin.error();
    auto featureCount = modelParam->numberInString("num_feature");
    if (!featureCount)
        return featureCount.error();
    if (*featureCount < 1 || *featureCount != std::floor(*featureCount) || *featureCount > 1e7)
        return modelParam->error("num_feature", "expected a whole number of features >= 1");
    const auto features = static_cast<std::size_t>(*featureCount);
    auto specs = readFeatures(*learner, features);
    if (!specs)
        return specs.error();
    auto trees = readTrees(*booster, *objective, features);
    if (!trees)
        return trees.error();

    ModelSignature signature;
    signature.task = objective->task;
    signature.target = targetName(*learner);
    signature.features = std::move(*specs);
    if (objective->task != Task::Regression)
        for (std::size_t c = 0; c < std::max<std::size_t>(objective->outputs, 2); ++c)
            signature.classes.push_back(std::to_string(c));
    return std::make_unique<TreeEnsemble>(std::move(signature), std::move(*trees),
                                          std::move(*baseMargin), objective->link);
}

} // namespace assay::model
