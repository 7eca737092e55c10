#include "model_inputs.h"

#include "model/model_source.h"
#include "read_options.h"
#include "version/dataset_ref.h"

#include <filesystem>

namespace assay::cli {

Result<std::optional<workspace::Workspace>> openOptionalWorkspace(const CommandContext &context)
{
    namespace fs = std::filesystem;
    std::optional<fs::path> root = context.workspace;
    if (!root)
        root = workspace::Workspace::discover(fs::current_path());
    if (!root)
        return std::optional<workspace::Workspace>();
    auto opened = workspace::Workspace::open(*root);
    if (!opened)
        return opened.error();
    return std::optional<workspace::Workspace>(std::move(*opened));
}

Result<ModelInputs> readModelInputs(const CommandContext &context)
{
    const auto modelSource = context.arguments.value("model");
    const auto dataSource = context.arguments.value("data");
    if (!modelSource || !dataSource)
        return Error::invalidInput("--model and --data are required");
    ModelInputs inputs;
    auto workspace = openOptionalWorkspace(context);
    if (!workspace)
        return workspace.error();
    inputs.workspace = std::move(*workspace);
    auto loaded = model::openModel(*modelSource, inputs.workspace ? &*inputs.workspace : nullptr);
    if (!loaded)
        return loaded.error();
    inputs.model = std::move(*loaded);
    auto options = readOptionsFrom(context.arguments);
    if (!options)
        return options.error();
    auto read = version::readDataset(version::parseDatasetRef(*dataSource), *options, context.progress);
    if (!read)
        return read.error();
    inputs.dataName = *dataSource;
    inputs.data = std::move(read->table);
    auto matrix = model::buildMatrix(inputs.data, inputs.model.model->signature().features,
                                     inputs.dataName);
    if (!matrix)
        return matrix.error();
    inputs.features = std::move(*matrix);
    return inputs;
}

} // namespace assay::cli
