// modelFairness: opens the model and the data, thresholds the model's probabilities and
// hands labels, predictions and groups to computeFairness.
#include "govern/fairness.h"

#include "govern/model_registry.h"
#include "model/feature_matrix.h"
#include "model/model_source.h"
#include "model/target.h"
#include "version/dataset_ref.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace assay::govern {

namespace {

bool looksLikeRegistryReference(const std::string &model)
{
    return model.find_first_of(":@") != std::string::npos && !std::filesystem::exists(model);
}

// A file, a run, or a registered version ("NAME:VERSION", "NAME@alias").
Result<model::LoadedModel> openFairnessModel(workspace::Workspace *workspace,
                                             const std::string &source)
{
    if (!looksLikeRegistryReference(source))
        return model::openModel(source, workspace);
    if (!workspace)
        return Error::notFound(source +
                               ": no such model file, and a registry reference needs a workspace");
    auto version = resolveModelVersion(*workspace, source);
    if (!version)
        return version.error();
    auto loaded = model::openModel(version->runId, workspace);
    if (!loaded)
        return loaded.error();
    if (!version->modelMd5.empty() && loaded->md5 != version->modelMd5)
        return Error::invalidInput(source + ": the model of run " + version->runId + " has md5 " +
                                   loaded->md5 + ", but the registry recorded " +
                                   version->modelMd5);
    return loaded;
}

} // namespace

Result<FairnessReport> modelFairness(workspace::Workspace &workspace,
                                     const FairnessRequest &request)
{
    return modelFairness(&workspace, request);
}

Result<FairnessReport> modelFairness(workspace::Workspace *workspace,
                                     const FairnessRequest &request)
{
    if (!(request.threshold >= 0 && request.threshold <= 1))
        return Error::invalidInput("threshold " + std::to_string(request.threshold) +
                                   ": expected a probability between 0 and 1");
    auto loaded = openFairnessModel(workspace, request.model);
    if (!loaded)
        return loaded.error();
    const auto &signature = loaded->model->signature();
    if (signature.task != model::Task::Binary)
        return Error::invalidInput(
            request.model + ": fairness needs a binary classifier, but the model's task is " +
            std::string(model::taskName(signature.task)));

    auto read = version::readDataset(version::parseDatasetRef(request.data));
    if (!read)
        return read.error();
    const table::Table &data = read->table;
    const auto sensitiveIndex = data.indexOf(request.sensitive);
    if (!sensitiveIndex)
        return Error::invalidInput(request.data + ": no sensitive column '" + request.sensitive +
                                   "'");
    const std::string targetName = request.target.empty() ? signature.target : request.target;
    if (targetName.empty())
        return Error::invalidInput(request.model +
                                   ": the model does not name its target; give the target column");
    auto target =
        model::encodeTargetFor(data, targetName, signature.task, signature.classes, request.data);
    if (!target)
        return target.error();

    const std::string positiveLabel =
        request.positiveLabel.empty() ? signature.classes[1] : request.positiveLabel;
    const auto positive =
        std::find(signature.classes.begin(), signature.classes.end(), positiveLabel);
    if (positive == signature.classes.end())
        return Error::invalidInput("positive label '" + positiveLabel +
                                   "' is not one of the model's classes ('" + signature.classes[0] +
                                   "', '" + signature.classes[1] + "')");
    const double positiveIndex = static_cast<double>(positive - signature.classes.begin());

    auto features = model::buildMatrix(data, signature.features, request.data);
    if (!features)
        return features.error();
    // Binary models give the probability of classes[1].
    const std::vector<double> probabilities = loaded->model->predictions(*features);

    const table::Column &sensitive = data.column(*sensitiveIndex);
    std::vector<int> truth;
    std::vector<int> predicted;
    std::vector<std::string> groups;
    for (std::size_t row = 0; row < target->values.size(); ++row) {
        if (std::isnan(target->values[row]))
            continue;
        const double probability = positiveIndex == 1 ? probabilities[row] : 1 - probabilities[row];
        truth.push_back(target->values[row] == positiveIndex ? 1 : 0);
        predicted.push_back(probability >= request.threshold ? 1 : 0);
        groups.push_back(sensitive.isMissing(row) ? "(missing)" : sensitive.format(row));
    }
    if (truth.empty())
        return Error::invalidInput(request.data + ": target '" + targetName + "' has no values");

    auto report = computeFairness(truth, predicted, groups);
    if (!report)
        return report.error();
    report->sensitiveColumn = request.sensitive;
    report->positiveLabel = positiveLabel;
    report->threshold = request.threshold;
    return report;
}

} // namespace assay::govern
