#include "version/data_commit.h"

#include "govern/access_audit.h"
#include "govern/access_control.h"
#include "version/git_repository.h"

#include <QJsonArray>

#include <algorithm>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

bool isDataBookkeeping(const std::string &path)
{
    const std::string name = fs::path(path).filename().string();
    return name == ".gitignore" || (name.size() > 4 && name.ends_with(".dvc"));
}

} // namespace

Result<std::vector<std::string>> changedPointerFiles(const fs::path &root)
{
    auto repository = GitRepository::discover(root);
    if (!repository)
        return repository.error();
    auto workTreeChanges = repository->changedWorkTreeFiles();
    if (!workTreeChanges)
        return workTreeChanges.error();
    const fs::path workdir = fs::canonical(repository->workdir());
    const std::string prefix = fs::canonical(root).lexically_relative(workdir).generic_string();
    std::vector<std::string> changed;
    for (const std::string &path : *workTreeChanges) {
        const bool inside = prefix == "." || prefix.empty() || path.starts_with(prefix + "/");
        if (inside && isDataBookkeeping(path) && !path.starts_with(".dvc/"))
            changed.push_back(path);
    }
    std::sort(changed.begin(), changed.end());
    return changed;
}

Result<std::optional<DataCommit>> commitDataChanges(const fs::path &root,
                                                    const std::string &message,
                                                    const std::vector<std::string> &extraPaths)
{
    auto actor = govern::authorizeAt(root, govern::Action::ChangeData, "", "data.commit");
    if (!actor)
        return actor.error();
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
    auto differs = repository->indexDiffersFromHead();
    if (!differs)
        return differs.error();
    if (!*differs)
        return std::optional<DataCommit>();
    auto id = repository->commit(message);
    if (!id)
        return id.error();
    QJsonArray files;
    for (const std::string &path : toStage)
        files.append(QString::fromStdString(path));
    const QJsonObject details{{QStringLiteral("commit"), QString::fromStdString(*id)},
                              {QStringLiteral("files"), files},
                              {QStringLiteral("message"), QString::fromStdString(message)}};
    ASSAY_TRY(govern::appendAuditAt(root, {.actor = actor->name,
                                           .action = "data.commit",
                                           .object = *id,
                                           .refused = false,
                                           .detailsJson = govern::auditDetails(details)}));
    return std::optional<DataCommit>(DataCommit{*id, toStage});
}

} // namespace assay::version
