#include "explain/explain_sources.h"

#include "explain/explain_choice.h"
#include "model/model_source.h"
#include "workspace/workspace.h"

namespace assay::ui {

Result<std::shared_ptr<const ExplainSources>> readExplainSources(const std::filesystem::path &root,
                                                                 const ExplainChoice &choice,
                                                                 const Progress &progress)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    auto model = model::openModel(choice.runId.toStdString(), &*workspace);
    if (!model)
        return model.error();
    auto data = explain::readExplainedData(choice.dataPath.toStdString(), {}, progress);
    if (!data)
        return data.error();
    auto sources = std::make_shared<ExplainSources>();
    sources->data = std::move(*data);
    explain::ExplainInputs &inputs = sources->inputs;
    inputs.runId = model->runId;
    inputs.modelMd5 = model->md5;
    inputs.modelName = model->runId; // as `assay explain --model RUN` names it
    inputs.model = std::move(*model);
    inputs.dataName = choice.dataName.toStdString();
    inputs.dataMd5 = sources->data.md5;
    inputs.data = &sources->data.table;
    return std::shared_ptr<const ExplainSources>(std::move(sources));
}

Result<ComputedExplanation> computeExplanation(const std::filesystem::path &root,
                                               const ExplainSources &sources,
                                               const ExplainChoice &choice,
                                               const Progress &progress)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    explain::ExplanationStore store(*workspace);
    const explain::ExplainRequest request = choice.request();
    auto params = explain::resolvedParams(sources.inputs, request);
    if (!params)
        return params.error();
    const std::string key = explain::explanationKey(request.method, sources.inputs.modelMd5,
                                                    sources.inputs.dataMd5, *params);
    auto found = store.find(key);
    if (!found)
        return found.error();
    if (*found)
        return ComputedExplanation{std::move(**found), true};
    auto outcome = explain::runExplanation(sources.inputs, request, progress);
    if (!outcome)
        return outcome.error();
    // The last moment to give up: after this the entry is written, whole.
    if (progress.isCancelled())
        return Error::cancelled();
    auto saved = store.save(outcome->explanation);
    if (!saved)
        return saved.error();
    return ComputedExplanation{std::move(*saved), false};
}

} // namespace assay::ui
