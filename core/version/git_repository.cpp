#include "version/git_repository.h"

#include <git2.h>

#include <mutex>
#include <set>

namespace assay::version {

namespace {

void ensureLibgit2()
{
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

Error gitError(const std::string &context)
{
    const git_error *error = git_error_last();
    return Error::io(context + ": " + (error && error->message ? error->message : "git error"));
}

template <typename T, void (*Free)(T *)>
struct GitPtr {
    T *ptr = nullptr;
    ~GitPtr() { Free(ptr); }
};

Result<git_signature *> makeSignature(git_repository *repo,
                                      const std::optional<GitIdentity> &identity)
{
    git_signature *signature = nullptr;
    int rc = 0;
    if (identity && identity->time)
        rc = git_signature_new(&signature, identity->name.c_str(), identity->email.c_str(),
                               *identity->time, identity->utcOffsetMinutes);
    else if (identity)
        rc = git_signature_now(&signature, identity->name.c_str(), identity->email.c_str());
    else if (git_signature_default(&signature, repo) != 0)
        rc = git_signature_now(&signature, "Assay", "assay@localhost");
    if (rc != 0)
        return gitError("cannot make a commit signature");
    return signature;
}

} // namespace

GitRepository::GitRepository(git_repository *repo) : m_repo(repo, git_repository_free) {}

bool GitRepository::exists(const std::filesystem::path &dir)
{
    return discover(dir).ok();
}

Result<GitRepository> GitRepository::discover(const std::filesystem::path &dir)
{
    ensureLibgit2();
    git_repository *repo = nullptr;
    if (git_repository_open_ext(&repo, dir.c_str(), 0, nullptr) != 0)
        return gitError(dir.string() + ": not inside a git repository");
    if (git_repository_is_bare(repo)) {
        git_repository_free(repo);
        return Error::invalidInput(dir.string() + ": inside a bare git repository");
    }
    return GitRepository(repo);
}

std::filesystem::path GitRepository::workdir() const
{
    const char *path = git_repository_workdir(m_repo.get());
    return path ? std::filesystem::path(path).lexically_normal() : std::filesystem::path();
}

Result<GitRepository> GitRepository::init(const std::filesystem::path &dir)
{
    ensureLibgit2();
    git_repository *repo = nullptr;
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    options.initial_head = "main";
    if (git_repository_init_ext(&repo, dir.c_str(), &options) != 0)
        return gitError(dir.string() + ": cannot create a git repository");
    return GitRepository(repo);
}

Result<GitRepository> GitRepository::open(const std::filesystem::path &dir)
{
    ensureLibgit2();
    git_repository *repo = nullptr;
    if (git_repository_open_ext(&repo, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0)
        return gitError(dir.string() + ": not a git repository");
    return GitRepository(repo);
}

Status GitRepository::stage(const std::vector<std::string> &relativePaths)
{
    GitPtr<git_index, git_index_free> index;
    if (git_repository_index(&index.ptr, m_repo.get()) != 0)
        return gitError("cannot read the git index");
    for (const std::string &path : relativePaths) {
        if (git_index_add_bypath(index.ptr, path.c_str()) != 0)
            return gitError("cannot stage " + path);
    }
    if (git_index_write(index.ptr) != 0)
        return gitError("cannot write the git index");
    return {};
}

Result<std::string> GitRepository::commit(const std::string &message,
                                          const std::optional<GitIdentity> &identity)
{
    git_repository *repo = m_repo.get();
    GitPtr<git_index, git_index_free> index;
    if (git_repository_index(&index.ptr, repo) != 0)
        return gitError("cannot read the git index");
    git_oid treeId;
    if (git_index_write_tree(&treeId, index.ptr) != 0)
        return gitError("cannot write the tree");
    GitPtr<git_tree, git_tree_free> tree;
    if (git_tree_lookup(&tree.ptr, repo, &treeId) != 0)
        return gitError("cannot look up the tree");

    auto signature = makeSignature(repo, identity);
    if (!signature)
        return signature.error();
    GitPtr<git_signature, git_signature_free> author{*signature};

    GitPtr<git_commit, git_commit_free> parent;
    git_oid parentId;
    const bool hasParent = git_reference_name_to_id(&parentId, repo, "HEAD") == 0;
    if (hasParent && git_commit_lookup(&parent.ptr, repo, &parentId) != 0)
        return gitError("cannot look up HEAD");

    const git_commit *parents[] = {parent.ptr};
    git_oid commitId;
    if (git_commit_create(&commitId, repo, "HEAD", author.ptr, author.ptr, nullptr,
                          message.c_str(), tree.ptr, hasParent ? 1 : 0, parents) != 0)
        return gitError("cannot create the commit");
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &commitId);
    return std::string(hex);
}

Result<GitHead> GitRepository::head() const
{
    GitHead result;
    GitPtr<git_reference, git_reference_free> head;
    const int rc = git_repository_head(&head.ptr, m_repo.get());
    if (rc == GIT_EUNBORNBRANCH || rc == GIT_ENOTFOUND) {
        GitPtr<git_reference, git_reference_free> symbolic;
        if (git_reference_lookup(&symbolic.ptr, m_repo.get(), "HEAD") == 0 &&
            git_reference_type(symbolic.ptr) == GIT_REFERENCE_SYMBOLIC) {
            std::string target = git_reference_symbolic_target(symbolic.ptr);
            const std::string prefix = "refs/heads/";
            result.branch = target.starts_with(prefix) ? target.substr(prefix.size()) : target;
        }
        return result;
    }
    if (rc != 0)
        return gitError("cannot read HEAD");
    if (git_reference_is_branch(head.ptr))
        result.branch = git_reference_shorthand(head.ptr);
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, git_reference_target(head.ptr));
    result.commit = hex;
    return result;
}

namespace {

GitCommitInfo commitInfo(const git_commit *commit)
{
    GitCommitInfo info;
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, git_commit_id(commit));
    info.id = hex;
    info.time = git_commit_time(commit);
    if (const git_signature *author = git_commit_author(commit)) {
        info.author = author->name ? author->name : "";
        info.email = author->email ? author->email : "";
    }
    const char *summary = git_commit_summary(const_cast<git_commit *>(commit));
    info.summary = summary ? summary : "";
    return info;
}

// The blob id of `path` in `commit`'s tree, if the path is a file there.
std::optional<git_oid> blobIdAt(const git_commit *commit, const std::string &path)
{
    GitPtr<git_tree, git_tree_free> tree;
    if (git_commit_tree(&tree.ptr, commit) != 0)
        return std::nullopt;
    GitPtr<git_tree_entry, git_tree_entry_free> entry;
    if (git_tree_entry_bypath(&entry.ptr, tree.ptr, path.c_str()) != 0 ||
        git_tree_entry_type(entry.ptr) != GIT_OBJECT_BLOB)
        return std::nullopt;
    return *git_tree_entry_id(entry.ptr);
}

Result<std::string> blobContent(git_repository *repo, const git_oid &id)
{
    GitPtr<git_blob, git_blob_free> blob;
    if (git_blob_lookup(&blob.ptr, repo, &id) != 0)
        return gitError("cannot read a blob");
    const auto *bytes = static_cast<const char *>(git_blob_rawcontent(blob.ptr));
    return std::string(bytes, static_cast<std::size_t>(git_blob_rawsize(blob.ptr)));
}

Result<git_commit *> lookupCommit(git_repository *repo, const std::string &revision)
{
    GitPtr<git_object, git_object_free> object;
    if (git_revparse_single(&object.ptr, repo, revision.c_str()) != 0)
        return Error::notFound("no revision '" + revision + "' in this git repository");
    git_commit *commit = nullptr;
    if (git_object_peel(reinterpret_cast<git_object **>(&commit), object.ptr, GIT_OBJECT_COMMIT) != 0)
        return Error::invalidInput("revision '" + revision + "' does not name a commit");
    return commit;
}

} // namespace

Result<GitCommitInfo> GitRepository::resolveCommit(const std::string &revision) const
{
    auto commit = lookupCommit(m_repo.get(), revision);
    if (!commit)
        return commit.error();
    GitPtr<git_commit, git_commit_free> owned{*commit};
    return commitInfo(owned.ptr);
}

Result<std::string> GitRepository::readFileAt(const std::string &revision,
                                              const std::string &relativePath) const
{
    auto commit = lookupCommit(m_repo.get(), revision);
    if (!commit)
        return commit.error();
    GitPtr<git_commit, git_commit_free> owned{*commit};
    const auto id = blobIdAt(owned.ptr, relativePath);
    if (!id)
        return Error::notFound(relativePath + ": not in revision " + revision);
    return blobContent(m_repo.get(), *id);
}

Result<std::vector<GitPathVersion>> GitRepository::fileHistory(const std::string &relativePath) const
{
    git_repository *repo = m_repo.get();
    std::vector<GitPathVersion> versions;
    GitPtr<git_revwalk, git_revwalk_free> walk;
    if (git_revwalk_new(&walk.ptr, repo) != 0)
        return gitError("cannot walk the history");
    git_revwalk_sorting(walk.ptr, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    git_revwalk_simplify_first_parent(walk.ptr);
    if (git_revwalk_push_head(walk.ptr) != 0)
        return versions; // no commits yet

    git_oid id;
    while (git_revwalk_next(&id, walk.ptr) == 0) {
        GitPtr<git_commit, git_commit_free> commit;
        if (git_commit_lookup(&commit.ptr, repo, &id) != 0)
            return gitError("cannot read a commit");
        const auto blob = blobIdAt(commit.ptr, relativePath);
        if (!blob)
            continue;
        std::optional<git_oid> parentBlob;
        if (git_commit_parentcount(commit.ptr) > 0) {
            GitPtr<git_commit, git_commit_free> parent;
            if (git_commit_parent(&parent.ptr, commit.ptr, 0) == 0)
                parentBlob = blobIdAt(parent.ptr, relativePath);
        }
        if (parentBlob && git_oid_equal(&*parentBlob, &*blob))
            continue;
        auto content = blobContent(repo, *blob);
        if (!content)
            return content.error();
        versions.push_back({commitInfo(commit.ptr), std::move(*content)});
    }
    return versions;
}

Result<std::vector<std::string>> GitRepository::changedWorkTreeFiles() const
{
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_WORKDIR_ONLY;
    options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS;
    GitPtr<git_status_list, git_status_list_free> list;
    if (git_status_list_new(&list.ptr, m_repo.get(), &options) != 0)
        return gitError("cannot read git status");
    std::vector<std::string> changed;
    const std::size_t count = git_status_list_entrycount(list.ptr);
    for (std::size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list.ptr, i);
        if ((entry->status & (GIT_STATUS_WT_NEW | GIT_STATUS_WT_MODIFIED)) && entry->index_to_workdir)
            changed.emplace_back(entry->index_to_workdir->new_file.path);
    }
    return changed;
}

Result<bool> GitRepository::indexDiffersFromHead() const
{
    GitPtr<git_index, git_index_free> index;
    if (git_repository_index(&index.ptr, m_repo.get()) != 0)
        return gitError("cannot read the git index");
    git_oid indexTree;
    if (git_index_write_tree(&indexTree, index.ptr) != 0)
        return gitError("cannot write the tree");
    GitPtr<git_object, git_object_free> head;
    if (git_revparse_single(&head.ptr, m_repo.get(), "HEAD^{tree}") != 0)
        return true; // no commit yet: anything in the index is new
    return git_oid_cmp(&indexTree, git_object_id(head.ptr)) != 0;
}

namespace {

struct BlobWalk {
    git_repository *repo;
    const std::function<bool(const std::string &)> &wanted;
    const std::function<void(const std::string &, const std::string &)> &visit;
    std::set<std::string> seenBlobs;
};

int visitTreeEntry(const char *folder, const git_tree_entry *entry, void *payload)
{
    auto &walk = *static_cast<BlobWalk *>(payload);
    const std::string name = git_tree_entry_name(entry);
    if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB || !walk.wanted(name))
        return 0;
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, git_tree_entry_id(entry));
    if (!walk.seenBlobs.insert(hex).second)
        return 0;
    if (auto content = blobContent(walk.repo, *git_tree_entry_id(entry)))
        walk.visit(std::string(folder) + name, *content);
    return 0;
}

} // namespace

Status GitRepository::forEachBlobInHistory(
    const std::function<bool(const std::string &name)> &wanted,
    const std::function<void(const std::string &path, const std::string &content)> &visit) const
{
    git_repository *repo = m_repo.get();
    GitPtr<git_revwalk, git_revwalk_free> walk;
    if (git_revwalk_new(&walk.ptr, repo) != 0)
        return gitError("cannot walk the history");
    // A ref that names no commit (an unborn HEAD, a tag of a blob) is simply not pushed.
    (void)git_revwalk_push_head(walk.ptr);
    (void)git_revwalk_push_glob(walk.ptr, "refs/heads/*");
    (void)git_revwalk_push_glob(walk.ptr, "refs/tags/*");
    BlobWalk blobs{repo, wanted, visit, {}};
    std::set<std::string> seenTrees; // commits often share their tree
    git_oid id;
    while (git_revwalk_next(&id, walk.ptr) == 0) {
        GitPtr<git_commit, git_commit_free> commit;
        GitPtr<git_tree, git_tree_free> tree;
        if (git_commit_lookup(&commit.ptr, repo, &id) != 0 ||
            git_commit_tree(&tree.ptr, commit.ptr) != 0)
            return gitError("cannot read a commit");
        char hex[GIT_OID_HEXSZ + 1] = {};
        git_oid_tostr(hex, sizeof hex, git_tree_id(tree.ptr));
        if (seenTrees.insert(hex).second)
            git_tree_walk(tree.ptr, GIT_TREEWALK_PRE, visitTreeEntry, &blobs);
    }
    return {};
}

} // namespace assay::version
