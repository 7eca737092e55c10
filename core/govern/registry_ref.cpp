// Resolving what people write for a version: "NAME", "NAME:3", "NAME@champion",
// "NAME:production", "NAME:latest".
#include "govern/model_registry.h"
#include "govern/registry_store.h"
#include "common/atomic_file.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"
#include "workspace/workspace.h"

#include <charconv>

namespace assay::govern {

namespace {

std::optional<int> versionNumber(std::string_view text)
{
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number <= 0)
        return std::nullopt;
    return number;
}

Result<ModelVersion> latestOf(const std::string &name, std::vector<ModelVersion> versions,
                              std::optional<Stage> stage)
{
    for (auto it = versions.rbegin(); it != versions.rend(); ++it)
        if (!stage || it->stage == *stage)
            return std::move(*it);
    if (stage)
        return Error::notFound("no version of " + name + " is in " + std::string(stageName(*stage)));
    return Error::notFound(name + " has no versions");
}

} // namespace

Result<ModelVersion> resolveModelVersion(workspace::Workspace &workspace, const std::string &ref)
{
    auto &db = workspace.database();
    const auto at = ref.find('@');
    const auto colon = ref.find(':');
    const auto split = std::min(at, colon);
    const std::string name = ref.substr(0, split);
    if (name.empty())
        return Error::invalidInput("'" + ref + "': expected NAME, NAME:VERSION, NAME:STAGE or NAME@ALIAS");
    ASSAY_TRY(registry::loadModel(db, name));
    auto versions = registry::loadVersions(db, name);
    if (!versions)
        return versions.error();
    if (split == std::string::npos)
        return latestOf(name, std::move(*versions), std::nullopt);

    const std::string selector = ref.substr(split + 1);
    if (split == at) {
        auto target = registry::aliasTarget(db, name, selector);
        if (!target)
            return target.error();
        if (!*target)
            return Error::notFound(name + " has no alias '" + selector + "'");
        return registry::loadVersion(db, name, **target);
    }
    if (auto number = versionNumber(selector))
        return registry::loadVersion(db, name, *number);
    if (selector == "latest")
        return latestOf(name, std::move(*versions), std::nullopt);
    auto stage = parseStage(selector);
    if (!stage)
        return Error::invalidInput("'" + ref + "': '" + selector +
                                   "' is neither a version number nor a stage (none, staging, "
                                   "production, archived) nor latest");
    return latestOf(name, std::move(*versions), *stage);
}

Result<model::LoadedModel> openModelVersion(workspace::Workspace &workspace, const ModelVersion &version)
{
    const std::string label = version.name + " version " + std::to_string(version.version);
    const auto object = version::cacheObjectPath(workspace.root(), version.modelMd5);
    auto bytes = readFile(object);
    if (!bytes)
        return Error{bytes.error().kind, label + ": the model is not in the content store (" +
                                             bytes.error().message + ")"};
    if (version::md5OfBytes(*bytes) != version.modelMd5)
        return Error::invalidInput(label + ": the model's cache object " + object.string() +
                                   " does not match its md5 " + version.modelMd5 + "; it is corrupted");
    auto loaded = model::loadModel(*bytes, label);
    if (!loaded)
        return loaded.error();
    loaded->runId = version.runId;
    loaded->md5 = version.modelMd5;
    return loaded;
}

} // namespace assay::govern
