#include "version/tracked_outputs.h"

#include "version/dvc_add.h"
#include "version/dvcignore.h"

#include <git2.h>

#include <algorithm>
#include <set>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

bool isPointerName(const std::string &name)
{
    return name.size() > 4 && name.ends_with(".dvc");
}

struct GitObjects {
    git_repository *repo = nullptr;
    std::set<std::string> seenTrees;
    std::set<std::string> seenBlobs;
    std::vector<DvcOutput> outputs;

    ~GitObjects() { git_repository_free(repo); }
};

int visitTreeEntry(const char *folder, const git_tree_entry *entry, void *payload)
{
    auto &objects = *static_cast<GitObjects *>(payload);
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB)
        return 0;
    const std::string name = git_tree_entry_name(entry);
    if (!isPointerName(name))
        return 0;
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, git_tree_entry_id(entry));
    if (!objects.seenBlobs.insert(hex).second)
        return 0;
    git_blob *blob = nullptr;
    if (git_blob_lookup(&blob, objects.repo, git_tree_entry_id(entry)) != 0)
        return 0;
    const std::string text(static_cast<const char *>(git_blob_rawcontent(blob)),
                           static_cast<std::size_t>(git_blob_rawsize(blob)));
    git_blob_free(blob);
    if (auto output = parseDvcText(text, std::string(folder) + name))
        objects.outputs.push_back(std::move(*output));
    return 0;
}

void collectFromCommit(GitObjects &objects, const git_oid &id)
{
    git_commit *commit = nullptr;
    if (git_commit_lookup(&commit, objects.repo, &id) != 0)
        return;
    git_tree *tree = nullptr;
    if (git_commit_tree(&tree, commit) == 0) {
        char hex[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(hex, sizeof hex, git_tree_id(tree));
        if (objects.seenTrees.insert(hex).second)
            git_tree_walk(tree, GIT_TREEWALK_PRE, visitTreeEntry, &objects);
        git_tree_free(tree);
    }
    git_commit_free(commit);
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
    git_libgit2_init();
    GitObjects objects;
    if (git_repository_open_ext(&objects.repo, root.c_str(), 0, nullptr) != 0)
        return std::vector<DvcOutput>{};
    git_revwalk *walk = nullptr;
    if (git_revwalk_new(&walk, objects.repo) != 0)
        return Error::io(root.string() + ": cannot walk the git history");
    // A ref that names no commit (an unborn HEAD, a tag of a blob) is simply not pushed.
    (void)git_revwalk_push_head(walk);
    (void)git_revwalk_push_glob(walk, "refs/heads/*");
    (void)git_revwalk_push_glob(walk, "refs/tags/*");
    git_oid id;
    while (git_revwalk_next(&id, walk) == 0)
        collectFromCommit(objects, id); // trees seen before are not walked again
    git_revwalk_free(walk);
    std::vector<DvcOutput> outputs = std::move(objects.outputs);
    return outputs;
}

} // namespace assay::version
