#include "model/cart_data.h"

#include <cmath>
#include <limits>

namespace assay::model::cart {

Result<CartData> prepareCartData(const TrainingSet &set)
{
    if (set.x == nullptr)
        return Error::internal("training set without features");
    const FeatureMatrix &x = *set.x;
    if (set.y.size() != x.rows)
        return Error::invalidInput("the target has " + std::to_string(set.y.size()) +
                                   " rows but the features have " + std::to_string(x.rows));
    if (x.columns() == 0)
        return Error::invalidInput("no features to learn from");
    if (x.rows >= std::numeric_limits<std::uint32_t>::max())
        return Error::invalidInput("too many rows for a tree (at most 4294967294)");
    const Task task = set.signature.task;
    CartData data;
    data.classCount = task == Task::Regression ? 0 : set.signature.classes.size();
    if (task != Task::Regression && data.classCount < 2)
        return Error::invalidInput("target '" + set.signature.target +
                                   "': classification needs at least two classes");
    data.y.assign(set.y.begin(), set.y.end());
    data.weights.assign(x.rows, 0.0);
    double sum = 0;
    for (std::size_t row = 0; row < x.rows; ++row) {
        const double value = set.y[row];
        if (std::isnan(value))
            continue;
        if (task == Task::Regression ? !std::isfinite(value)
                                     : !(value >= 0 && value < static_cast<double>(data.classCount) &&
                                         value == std::floor(value)))
            return Error::invalidInput("target '" + set.signature.target + "', row " +
                                       std::to_string(row + 1) + ": " + std::to_string(value) +
                                       (task == Task::Regression ? " is not a finite number"
                                                                 : " is not a class index"));
        data.weights[row] = 1;
        sum += value;
        ++data.usableRows;
    }
    if (data.usableRows == 0)
        return Error::invalidInput("target '" + set.signature.target + "': no row has a value");
    if (task == Task::Regression) {
        data.offset = sum / static_cast<double>(data.usableRows);
        for (double &value : data.y)
            value -= data.offset;
    }
    for (double &value : data.y)
        if (std::isnan(value))
            value = 0; // weight 0: never read, but keeps sums clean
    data.columns = SplitColumns::from(x);
    return data;
}

Criterion criterionFor(Task task, const std::string &choice)
{
    if (task == Task::Regression)
        return Criterion::SquaredError;
    return choice == "entropy" ? Criterion::Entropy : Criterion::Gini;
}

ParamSpec intParam(std::string name, double defaultValue, double minimum, double maximum,
                   std::string help)
{
    return ParamSpec{std::move(name), ParamSpec::Type::Int, defaultValue, minimum, maximum, {},
                     std::move(help)};
}

ParamSpec criterionParam()
{
    ParamSpec spec;
    spec.name = "criterion";
    spec.type = ParamSpec::Type::Choice;
    spec.choices = {"gini", "entropy"};
    spec.help = "impurity a classification split reduces (regression uses squared error)";
    return spec;
}

std::vector<ParamSpec> shapeParams(double defaultDepth)
{
    return {intParam("max_depth", defaultDepth, 0, 1000, "deepest level of splits; 0: no limit"),
            intParam("min_samples_split", 2, 2, 1e9, "fewest rows a node needs to be split"),
            intParam("min_samples_leaf", 1, 1, 1e9, "fewest rows in a leaf")};
}

GrowSettings growSettings(const ParamValues &params, std::size_t featuresPerSplit)
{
    return {params.integer("max_depth"), params.number("min_samples_split"),
            params.number("min_samples_leaf"), featuresPerSplit};
}

std::unique_ptr<TreeEnsemble> makeTreeModel(const ModelSignature &signature,
                                            std::vector<Tree> trees)
{
    return std::make_unique<TreeEnsemble>(
        signature, std::move(trees), std::vector<float>(signature.outputCount(), 0.0f),
        OutputLink::Identity);
}

} // namespace assay::model::cart
