#include "version/data_commit.h"

#include "version/git_repository.h"

#include <git2.h>

#include <algorithm>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

Error gitFailure(const std::string &context)
{
    const git_error *error = git_error_last();
    return Error::io(context + ": " + (error && error->message ? error->message : "git error"));
}

struct Repository {
    git_repository *repo = nullptr;
    ~Repository() { git_repository_free(repo); }
};

bool isDataBookkeeping(const std::string &path)
{
    const std::string name = fs::path(path).filename().string();
    return name == ".gitignore" || (name.size() > 4 && name.ends_with(".dvc"));
}

// True when writing the index as a tree gives something other than HEAD's tree.
Result<bool> indexDiffersFromHead(const fs::path &root)
{
    Repository r;
    if (git_repository_open_ext(&r.repo, root.c_str(), 0, nullptr) != 0)
        return gitFailure(root.string());
    git_index *index = nullptr;
    if (git_repository_index(&index, r.repo) != 0)
        return gitFailure("cannot read the git index");
    git_oid indexTree;
    const int written = git_index_write_tree(&indexTree, index);
    git_index_free(index);
    if (written != 0)
        return gitFailure("cannot write the tree");
    git_object *head = nullptr;
    if (git_revparse_single(&head, r.repo, "HEAD^{tree}") != 0)
        return true; // no commit yet: anything in the index is new
    const bool differs = git_oid_cmp(&indexTree, git_object_id(head)) != 0;
    git_object_free(head);
    return differs;
}

} // namespace

Result<std::vector<std::string>> changedPointerFiles(const fs::path &root)
{
    git_libgit2_init();
    Repository r;
    if (git_repository_open_ext(&r.repo, root.c_str(), 0, nullptr) != 0)
        return gitFailure(root.string() + ": not inside a git repository");
    const fs::path workdir = fs::canonical(git_repository_workdir(r.repo));
    const std::string prefix = fs::canonical(root).lexically_relative(workdir).generic_string();

    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    git_status_list *list = nullptr;
    if (git_status_list_new(&list, r.repo, &options) != 0)
        return gitFailure("cannot read git status");
    std::vector<std::string> changed;
    const std::size_t count = git_status_list_entrycount(list);
    for (std::size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list, i);
        if (!(entry->status & (GIT_STATUS_WT_NEW | GIT_STATUS_WT_MODIFIED)) ||
            !entry->index_to_workdir)
            continue;
        const std::string path = entry->index_to_workdir->new_file.path;
        const bool inside = prefix == "." || prefix.empty() || path.starts_with(prefix + "/");
        if (inside && isDataBookkeeping(path) && !path.starts_with(".dvc/"))
            changed.push_back(path);
    }
    git_status_list_free(list);
    std::sort(changed.begin(), changed.end());
    return changed;
}

Result<std::optional<DataCommit>> commitDataChanges(const fs::path &root,
                                                    const std::string &message,
                                                    const std::vector<std::string> &extraPaths)
{
    auto repository = GitRepository::discover(root);
    if (!repository)
        return repository.error();
    auto changed = changedPointerFiles(root);
    if (!changed)
        return changed.error();
    const fs::path workdir = fs::canonical(repository->workdir());
    std::vector<std::string> toStage = *changed;
    for (const std::string &extra : extraPaths) {
        std::error_code error;
        const fs::path full = fs::weakly_canonical(fs::absolute(extra), error);
        const std::string relative = full.lexically_relative(workdir).generic_string();
        if (relative.empty() || relative.starts_with(".."))
            return Error::invalidInput(extra + ": outside the git work tree " + workdir.string());
        if (!fs::exists(full, error))
            return Error::notFound(extra + ": no such file");
        toStage.push_back(relative);
    }
    if (!toStage.empty())
        ASSAY_TRY(repository->stage(toStage));
    auto differs = indexDiffersFromHead(root);
    if (!differs)
        return differs.error();
    if (!*differs)
        return std::optional<DataCommit>();
    auto id = repository->commit(message);
    if (!id)
        return id.error();
    return std::optional<DataCommit>(DataCommit{*id, toStage});
}

} // namespace assay::version
