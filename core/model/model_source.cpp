#include "model/model_source.h"

#include "common/atomic_file.h"
#include "track/run_query.h"
#include "track/tracking_store.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <filesystem>

namespace assay::model {

namespace fs = std::filesystem;

bool looksLikeRunId(std::string_view text)
{
    return text.size() == 32 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

namespace {

Result<LoadedModel> openRunModel(const std::string &runId, workspace::Workspace &workspace)
{
    auto store = track::TrackingStore::open(workspace);
    if (!store)
        return store.error();
    auto run = store->run(runId);
    if (!run)
        return run.error();
    const auto artifact = std::find_if(run->artifacts.begin(), run->artifacts.end(),
                                       [](const track::Artifact &a) { return a.path == kModelArtifactPath; });
    if (artifact == run->artifacts.end())
        return Error::notFound("run " + runId + " has no model (no artifact " +
                               std::string(kModelArtifactPath) + ")");
    const fs::path object = version::cacheObjectPath(workspace.root(), artifact->md5);
    auto bytes = readFile(object);
    if (!bytes)
        return bytes.error();
    if (version::md5OfBytes(*bytes) != artifact->md5)
        return Error::invalidInput("run " + runId + ": the model's cache object " + object.string() +
                                   " does not match its md5; it is corrupted");
    auto loaded = loadModel(*bytes, "run " + runId.substr(0, 8) + " " + std::string(kModelArtifactPath));
    if (!loaded)
        return loaded.error();
    loaded->runId = runId;
    loaded->md5 = artifact->md5;
    return loaded;
}

Result<LoadedModel> openModelFile(const std::string &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    auto loaded = loadModel(*bytes, path);
    if (!loaded)
        return loaded.error();
    loaded->md5 = version::md5OfBytes(*bytes);
    return loaded;
}

} // namespace

Result<LoadedModel> openModel(std::string_view source, workspace::Workspace *workspace)
{
    const std::string text(source);
    if (fs::exists(text))
        return openModelFile(text);
    if (!workspace) {
        if (looksLikeRunId(text))
            return Error::notFound("'" + text + "' looks like a run id, but no workspace is open");
        return openModelFile(text);
    }
    auto runId = track::resolveRun(workspace->database(), text);
    if (runId)
        return openRunModel(*runId, *workspace);
    if (runId.error().kind != ErrorKind::NotFound)
        return runId.error();
    return Error::notFound(text + ": no such model file, and no run has that id or name");
}

} // namespace assay::model
