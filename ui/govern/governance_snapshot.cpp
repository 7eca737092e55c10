#include "govern/governance_snapshot.h"

#include "workspace/workspace.h"

namespace assay::ui {

bool GovernanceSnapshot::mayManageUsers() const
{
    return !accessControlOn() || (me && me->role == govern::Role::Admin);
}

const govern::RegisteredModel *GovernanceSnapshot::model(const std::string &name) const
{
    for (const govern::RegisteredModel &candidate : models) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

std::optional<govern::User> userOfLogin(const std::vector<govern::User> &users,
                                        const std::string &login)
{
    for (const govern::User &user : users) {
        if (!user.disabled && user.osUser.value_or(user.name) == login)
            return user;
    }
    return std::nullopt;
}

Result<GovernanceSnapshot> loadGovernanceSnapshot(const std::filesystem::path &root)
{
    auto opened = workspace::Workspace::open(root);
    if (!opened)
        return opened.error();
    workspace::Workspace &workspace = *opened;
    GovernanceSnapshot snapshot;
    auto models = govern::listModels(workspace);
    if (!models)
        return models.error();
    snapshot.models = std::move(*models);
    for (const govern::RegisteredModel &model : snapshot.models) {
        auto history = govern::transitions(workspace, model.name);
        if (!history)
            return history.error();
        snapshot.transitions[model.name] = std::move(*history);
    }
    auto users = govern::listUsers(workspace.database());
    if (!users)
        return users.error();
    snapshot.users = std::move(*users);
    auto audit = govern::readAudit(workspace.database());
    if (!audit)
        return audit.error();
    snapshot.audit = std::move(*audit);
    snapshot.sessionUser = govern::sessionCredentials().user;
    snapshot.me = userOfLogin(snapshot.users, snapshot.sessionUser);
    auto runs = loadRunsSnapshot(root);
    if (!runs)
        return runs.error();
    snapshot.runs = std::move(*runs);
    return snapshot;
}

} // namespace assay::ui
