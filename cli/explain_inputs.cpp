#include "explain_inputs.h"

#include "explain/explained_data.h"
#include "model/model_source.h"
#include "model_inputs.h"
#include "read_options.h"
#include "track/tracking_store.h"
#include "version/dataset_ref.h"
#include "version/file_hash.h"

#include <algorithm>
#include <filesystem>

namespace assay::cli {

namespace {

namespace fs = std::filesystem;

// The md5 of the model document's bytes: the run's artifact md5, or the file's.
Result<std::string> modelMd5(const std::string &source, workspace::Workspace *workspace,
                             std::string &runId)
{
    if (!fs::exists(source) && model::looksLikeRunId(source) && workspace) {
        auto store = track::TrackingStore::open(*workspace);
        if (!store)
            return store.error();
        auto run = store->run(source);
        if (!run)
            return run.error();
        const auto artifact = std::find_if(
            run->artifacts.begin(), run->artifacts.end(),
            [](const track::Artifact &a) { return a.path == model::kModelArtifactPath; });
        if (artifact == run->artifacts.end())
            return Error::notFound("run " + source + " has no model (no artifact " +
                                   std::string(model::kModelArtifactPath) + ")");
        runId = source;
        return artifact->md5;
    }
    return version::md5OfFile(source);
}

Status readModel(const CommandContext &context, ExplainSources &sources)
{
    const auto modelSource = context.arguments.value("model");
    const auto predictCommand = context.arguments.value("predict-cmd");
    explain::ExplainInputs &inputs = sources.inputs;
    if (modelSource && predictCommand)
        return Error::invalidInput("give --model or --predict-cmd, not both");
    if (predictCommand) {
        if (predictCommand->empty())
            return Error::invalidInput("--predict-cmd needs a command");
        inputs.predictCommand = *predictCommand;
        inputs.modelName = *predictCommand;
        inputs.modelMd5 = version::md5OfBytes(*predictCommand);
        return {};
    }
    if (!modelSource)
        return Error::invalidInput("--model MODEL is required (or --predict-cmd CMD for a model "
                                   "Assay cannot load)");
    workspace::Workspace *workspace = sources.workspace ? &*sources.workspace : nullptr;
    // Opened first, so a missing file or run is reported as openModel words it.
    auto loaded = model::openModel(*modelSource, workspace);
    if (!loaded)
        return loaded.error();
    auto md5 = modelMd5(*modelSource, workspace, inputs.runId);
    if (!md5)
        return md5.error();
    inputs.model = std::move(*loaded);
    inputs.modelName = *modelSource;
    inputs.modelMd5 = std::move(*md5);
    return {};
}

Status readData(const CommandContext &context, ExplainSources &sources)
{
    const auto dataSource = context.arguments.value("data");
    if (!dataSource)
        return Error::invalidInput("--data DATA is required");
    auto options = readOptionsFrom(context.arguments);
    if (!options)
        return options.error();
    auto resolved =
        version::resolveDataset(version::parseDatasetRef(*dataSource), context.progress);
    if (!resolved)
        return resolved.error();
    auto md5 = explain::explainedDataMd5(*resolved, context.progress);
    if (!md5)
        return md5.error();
    auto read = version::readResolvedDataset(*resolved, *options, context.progress);
    if (!read)
        return read.error();
    sources.data = std::make_unique<table::Table>(std::move(read->table));
    sources.inputs.data = sources.data.get();
    sources.inputs.dataName = *dataSource;
    sources.inputs.dataMd5 = std::move(*md5);
    return {};
}

} // namespace

Result<ExplainSources> readExplainSources(const CommandContext &context)
{
    ExplainSources sources;
    auto workspace = openOptionalWorkspace(context);
    if (!workspace)
        return workspace.error();
    sources.workspace = std::move(*workspace);
    ASSAY_TRY(readModel(context, sources));
    ASSAY_TRY(readData(context, sources));
    return sources;
}

} // namespace assay::cli
