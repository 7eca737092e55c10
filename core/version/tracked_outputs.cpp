#include "version/tracked_outputs.h"

#include "version/dvc_add.h"
#include "version/dvcignore.h"
#include "version/git_repository.h"

#include <algorithm>
#include <set>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

bool isPointerName(const std::string &name)
{
    return name.size() > 4 && name.ends_with(".dvc");
}

} // namespace

Result<std::vector<TrackedOutput>> findTrackedOutputs(const fs::path &root,
                                                      const Progress &progress)
{
    auto ignore = DvcIgnore::load(root);
    if (!ignore)
        return ignore.error();
    std::vector<TrackedOutput> found;
    std::vector<std::string> pending{""};
    while (!pending.empty()) {
        if (progress.isCancelled())
            return Error::cancelled();
        const std::string folder = std::move(pending.back());
        pending.pop_back();
        std::error_code error;
        std::vector<std::string> folders;
        std::set<std::string> trackedHere; // outputs named by pointers in this folder
        for (fs::directory_iterator it(folder.empty() ? root : root / folder, error), end;
             !error && it != end; it.increment(error)) {
            const std::string name = it->path().filename().string();
            const std::string relative = folder.empty() ? name : folder + "/" + name;
            std::error_code typeError;
            const bool isDirectory = it->is_directory(typeError) && !it->is_symlink(typeError);
            if ((folder.empty() && name == ".assay") || ignore->isIgnored(relative, isDirectory))
                continue;
            if (isDirectory) {
                folders.push_back(relative);
            } else if (isPointerName(name) && it->is_regular_file(typeError)) {
                auto output = readDvcFile(it->path());
                if (!output)
                    return Error::invalidInput(relative + ": " + output.error().message);
                const std::string data =
                    folder.empty() ? output->path : folder + "/" + output->path;
                trackedHere.insert(fs::path(data).lexically_normal().generic_string());
                found.push_back({relative, fs::path(data).lexically_normal().generic_string(),
                                 std::move(*output)});
            }
        }
        // A tracked folder holds data, not pointers: not walking it keeps status fast.
        for (std::string &sub : folders) {
            if (trackedHere.count(sub) != 0)
                continue;
            ASSAY_TRY(ignore->addRulesOf(sub));
            pending.push_back(std::move(sub));
        }
    }
    std::sort(found.begin(), found.end(), [](const TrackedOutput &a, const TrackedOutput &b) {
        return a.pointerPath < b.pointerPath;
    });
    return found;
}

Result<std::vector<TrackedOutput>> selectTrackedOutputs(const fs::path &root,
                                                        const std::vector<std::string> &paths,
                                                        const Progress &progress)
{
    auto all = findTrackedOutputs(root, progress);
    if (!all || paths.empty())
        return all;
    std::vector<TrackedOutput> selected;
    for (const std::string &path : paths) {
        auto relative = workspaceRelative(root, path);
        if (!relative)
            return relative.error();
        const auto match = std::find_if(all->begin(), all->end(), [&](const TrackedOutput &t) {
            return t.outputPath == *relative || t.pointerPath == *relative;
        });
        if (match == all->end())
            return Error::notFound(path + ": not tracked (no " + *relative + ".dvc pointer)");
        selected.push_back(*match);
    }
    return selected;
}

Result<std::vector<DvcOutput>> outputsInGitRefs(const fs::path &root)
{
    std::vector<DvcOutput> outputs;
    auto repository = GitRepository::discover(root);
    if (!repository)
        return outputs;
    ASSAY_TRY(repository->forEachBlobInHistory(
        [](const std::string &name) { return isPointerName(name); },
        [&](const std::string &path, const std::string &content) {
            if (auto output = parseDvcText(content, path))
                outputs.push_back(std::move(*output));
        }));
    return outputs;
}

} // namespace assay::version
