#include "explain_inputs.h"

#include "explain/explained_data.h"
#include "model/model_source.h"
#include "model_inputs.h"
#include "read_options.h"
#include "version/file_hash.h"

#include <filesystem>

namespace assay::cli {

namespace {

namespace fs = std::filesystem;

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
    inputs.runId = loaded->runId;
    inputs.modelMd5 = loaded->md5;
    inputs.model = std::move(*loaded);
    inputs.modelName = *modelSource;
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
    auto read = explain::readExplainedData(*dataSource, *options, context.progress);
    if (!read)
        return read.error();
    sources.data = std::make_unique<table::Table>(std::move(read->table));
    sources.inputs.data = sources.data.get();
    sources.inputs.dataName = *dataSource;
    sources.inputs.dataMd5 = std::move(read->md5);
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
