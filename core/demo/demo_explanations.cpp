#include "demo/demo_explanations.h"

#include "explain/explain_job.h"
#include "explain/explained_data.h"
#include "explain/explanation_store.h"
#include "model/model_source.h"
#include "table/reader.h"
#include "track/run_query.h"
#include "track/tracking_store.h"
#include "version/dataset_ref.h"
#include "workspace/workspace.h"

#include <algorithm>

namespace assay::demo {

namespace {

constexpr std::int64_t kExplainedTime = 1743631200; // 2025-04-02T22:00:00Z, after the models
constexpr const char *kDataset = "data/credit.csv";
constexpr const char *kBoostedRun = "gbt · credit default";
constexpr const char *kLogisticRun = "logreg · credit default (5-fold CV)";

struct DemoExplanation {
    const char *run;
    explain::ExplainMethod method;
    std::size_t firstRow;
    std::size_t lastRow;
    QJsonObject params;
};

// Permutation importance and partial dependence predict every row many times over; a few
// thousand rows keep the demo quick and the curves smooth.
const DemoExplanation kExplanations[] = {
    {kBoostedRun,
     explain::ExplainMethod::TreeShap,
     0,
     1000,
     {{QStringLiteral("interactions"), true}}},
    {kBoostedRun, explain::ExplainMethod::Lime, 0, 20, {}},
    {kBoostedRun, explain::ExplainMethod::Permutation, 0, 4000, {}},
    {kBoostedRun, explain::ExplainMethod::PartialDependence, 0, 2000, {}},
    {kLogisticRun, explain::ExplainMethod::KernelShap, 0, 10, {}},
};

Result<explain::ExplainInputs> modelInputs(workspace::Workspace &workspace,
                                           const std::string &runName)
{
    auto runId = track::resolveRun(workspace.database(), runName);
    if (!runId)
        return runId.error();
    auto store = track::TrackingStore::open(workspace);
    if (!store)
        return store.error();
    auto run = store->run(*runId);
    if (!run)
        return run.error();
    const auto artifact =
        std::find_if(run->artifacts.begin(), run->artifacts.end(),
                     [](const track::Artifact &a) { return a.path == model::kModelArtifactPath; });
    if (artifact == run->artifacts.end())
        return Error::notFound("demo run '" + runName + "' has no model");
    auto loaded = model::openModel(*runId, &workspace);
    if (!loaded)
        return loaded.error();
    explain::ExplainInputs inputs;
    inputs.model = std::move(*loaded);
    inputs.modelName = *runId;
    inputs.modelMd5 = artifact->md5;
    inputs.runId = *runId;
    return inputs;
}

} // namespace

Status recordDemoExplanations(workspace::Workspace &workspace, const Progress &progress)
{
    auto resolved = version::resolveDataset({(workspace.root() / kDataset).string(), std::nullopt});
    if (!resolved)
        return resolved.error();
    auto dataMd5 = explain::explainedDataMd5(*resolved);
    if (!dataMd5)
        return dataMd5.error();
    auto data = version::readResolvedDataset(*resolved);
    if (!data)
        return data.error();
    explain::ExplanationStore store(workspace);
    const std::size_t count = std::size(kExplanations);
    for (std::size_t i = 0; i < count; ++i) {
        const DemoExplanation &demo = kExplanations[i];
        auto inputs = modelInputs(workspace, demo.run);
        if (!inputs)
            return inputs.error();
        inputs->dataName = kDataset;
        inputs->dataMd5 = *dataMd5;
        inputs->data = &data->table;
        explain::ExplainRequest request;
        request.method = demo.method;
        request.firstRow = demo.firstRow;
        request.lastRow = std::min(demo.lastRow, data->table.rowCount()); // small demos in tests
        request.params = demo.params;
        const Progress part(
            [&progress, i, count](double fraction, std::string_view) {
                progress.report((double(i) + fraction) / double(count), "explanations");
            },
            progress.token());
        auto outcome = explain::runExplanation(*inputs, request, part);
        if (!outcome)
            return outcome.error();
        outcome->explanation.createdMs = (kExplainedTime + std::int64_t(i)) * 1000;
        ASSAY_TRY(store.save(outcome->explanation));
    }
    return {};
}

} // namespace assay::demo
