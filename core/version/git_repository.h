#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct git_repository;

namespace assay::version {

struct GitIdentity {
    std::string name;
    std::string email;
    std::optional<std::int64_t> time; // seconds since the epoch; now when unset
    int utcOffsetMinutes = 0;
};

struct GitCommitInfo {
    std::string id;       // full hex id
    std::int64_t time = 0; // committer time, seconds since the epoch
    std::string author;
    std::string email;
    std::string summary;  // first line of the message
};

// A version of one path: a commit where its content differs from the first parent's.
struct GitPathVersion {
    GitCommitInfo commit;
    std::string content;
};

struct GitHead {
    std::string branch;  // empty when detached or unborn
    std::string commit;  // full hex id; empty in a repository without commits
};

// A git repository through libgit2. Assay commits only when the user asks it to.
class GitRepository {
public:
    static Result<GitRepository> init(const std::filesystem::path &dir);
    // Opens the repository whose work tree is exactly `dir`.
    static Result<GitRepository> open(const std::filesystem::path &dir);
    // Opens the repository that contains `dir`, searching parent folders as git does.
    static Result<GitRepository> discover(const std::filesystem::path &dir);
    static bool exists(const std::filesystem::path &dir);

    // The work tree's root folder.
    std::filesystem::path workdir() const;

    // Adds files (paths relative to the work tree) to the index and writes it.
    Status stage(const std::vector<std::string> &relativePaths);
    // Commits the index on HEAD's branch; the author is `identity` or the one in git config
    // (user.name/user.email), falling back to "Assay <assay@localhost>". Returns the new id.
    Result<std::string> commit(const std::string &message,
                               const std::optional<GitIdentity> &identity = std::nullopt);
    Result<GitHead> head() const;

    // The commit a revision names (anything `git rev-parse` accepts: HEAD~1, a tag, a short id).
    Result<GitCommitInfo> resolveCommit(const std::string &revision) const;
    // The content of a file (path relative to the work tree) at a revision; NotFound when the
    // revision has no such file.
    Result<std::string> readFileAt(const std::string &revision, const std::string &relativePath) const;
    // The versions of a file along HEAD's history (first parents), newest first.
    Result<std::vector<GitPathVersion>> fileHistory(const std::string &relativePath) const;

    // Files new or modified in the work tree relative to the index (untracked ones included),
    // as paths relative to the work tree.
    Result<std::vector<std::string>> changedWorkTreeFiles() const;
    // True when committing the index now would record something HEAD does not have.
    Result<bool> indexDiffersFromHead() const;
    // Calls `visit(path, content)` once for each distinct blob whose file name satisfies
    // `wanted`, in every commit reachable from HEAD, a branch or a tag.
    Status forEachBlobInHistory(const std::function<bool(const std::string &name)> &wanted,
                                const std::function<void(const std::string &path,
                                                         const std::string &content)> &visit) const;

private:
    explicit GitRepository(git_repository *repo);
    std::shared_ptr<git_repository> m_repo;
};

} // namespace assay::version
