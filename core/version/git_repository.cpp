#include "version/git_repository.h"

#include <git2.h>

#include <mutex>

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

} // namespace assay::version
