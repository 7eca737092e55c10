#include "version/data_status.h"

#include "common/atomic_file.h"
#include "version/cache_index.h"
#include "version/cache_verdict.h"
#include "version/cache_object.h"
#include "version/dir_manifest.h"
#include "version/output_hash.h"

#include <algorithm>
#include <fstream>
#include <map>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

// One read of the whole file (the `.dir` objects of big folders are megabytes).
Result<std::string> readWholeFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return Error::notFound(path.string() + ": cannot open");
    std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!in)
        return Error::io(path.string() + ": read failed");
    return bytes;
}

bool cacheHolds(const fs::path &root, CacheIndex &cache, const HashedOutput &hashed)
{
    if (!cache.contains(hashed.output.md5))
        return false;
    for (const auto &[path, md5] : hashed.files) {
        if (!cache.contains(md5))
            return false;
    }
    if (!hashed.fromFolderState)
        return true;
    // The file list was not built: the cached manifest names the objects to look for.
    const auto object = findCacheObject(root, hashed.output.md5, hashed.output.hashName);
    auto bytes = object ? readWholeFile(*object) : Result<std::string>(Error::notFound(""));
    if (!bytes)
        return false;
    auto md5s = manifestMd5s(*bytes, object->string());
    return md5s && std::all_of(md5s->begin(), md5s->end(),
                               [&](const std::string &md5) { return cache.contains(md5); });
}

// Which files of a folder changed since the manifest the pointer names, when it is cached.
std::vector<FileStatus> folderChanges(const fs::path &root, const TrackedOutput &tracked,
                                      const HashedOutput &now)
{
    std::vector<FileStatus> changes;
    const auto object = findCacheObject(root, tracked.output.md5, tracked.output.hashName);
    if (!object)
        return changes;
    auto bytes = readFile(*object);
    if (!bytes)
        return changes;
    auto before = parseManifest(*bytes, object->string());
    if (!before)
        return changes;
    std::map<std::string, std::string> current;
    const std::size_t prefix = tracked.outputPath.size() + 1;
    for (const auto &[path, md5] : now.files)
        current[path.substr(prefix)] = md5;
    for (const ManifestEntry &entry : *before) {
        const auto found = current.find(entry.relpath);
        if (found == current.end()) {
            changes.push_back({entry.relpath, FileChange::Deleted});
            continue;
        }
        if (found->second != entry.md5)
            changes.push_back({entry.relpath, FileChange::Modified});
        current.erase(found);
    }
    for (const auto &[path, md5] : current)
        changes.push_back({path, FileChange::Added});
    std::sort(changes.begin(), changes.end(), [](const FileStatus &a, const FileStatus &b) {
        return a.relativePath < b.relativePath;
    });
    return changes;
}

} // namespace

bool StatusReport::clean() const
{
    return std::all_of(outputs.begin(), outputs.end(),
                       [](const OutputStatus &o) { return o.state == OutputState::Unchanged; });
}

std::string_view stateName(OutputState state)
{
    switch (state) {
    case OutputState::Unchanged:
        return "unchanged";
    case OutputState::Modified:
        return "modified";
    case OutputState::NotInWorkspace:
        return "not in workspace";
    case OutputState::NotInCache:
        return "not in cache";
    }
    return "unknown";
}

std::string_view changeName(FileChange change)
{
    switch (change) {
    case FileChange::Added:
        return "added";
    case FileChange::Modified:
        return "modified";
    case FileChange::Deleted:
        return "deleted";
    }
    return "unknown";
}

Result<StatusReport> dataStatus(const fs::path &root, HashState &state,
                                const StatusOptions &options, const Progress &progress)
{
    auto tracked = selectTrackedOutputs(root, options.paths, progress);
    if (!tracked)
        return tracked.error();
    StatusReport report;
    CacheIndex cache(root);
    CacheVerdicts verdicts(root, state);
    for (TrackedOutput &output : *tracked) {
        if (progress.isCancelled())
            return Error::cancelled();
        OutputStatus status;
        status.tracked = std::move(output);
        const TrackedOutput &t = status.tracked;
        std::error_code error;
        const bool expectFolder = isDirectoryOid(t.output.md5);
        const fs::path data = root / t.outputPath;
        if (!fs::exists(data, error)) {
            status.state = OutputState::NotInWorkspace;
            report.outputs.push_back(std::move(status));
            continue;
        }
        if (fs::is_directory(data, error) != expectFolder) {
            status.state = OutputState::Modified; // a file became a folder, or the reverse
            report.outputs.push_back(std::move(status));
            continue;
        }
        auto now = hashOutput(root, t.outputPath, t.output.hashName, state, progress, true);
        if (!now)
            return now.error();
        status.currentMd5 = now->output.md5;
        if (now->output.md5 != t.output.md5) {
            status.state = OutputState::Modified;
            if (options.granular && now->fromFolderState)
                now = hashOutput(root, t.outputPath, t.output.hashName, state, progress);
            if (!now)
                return now.error();
            if (options.granular && expectFolder)
                status.files = folderChanges(root, t, *now);
        } else if (!verdicts.holds(now->output.md5, t.output.hashName,
                                   [&] { return cacheHolds(root, cache, *now); })) {
            status.state = OutputState::NotInCache;
        }
        report.outputs.push_back(std::move(status));
    }
    ASSAY_TRY(state.save());
    return report;
}

} // namespace assay::version
