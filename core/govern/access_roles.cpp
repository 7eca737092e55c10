// The fixed tables of access control: role names and order, and what each action needs.
#include "govern/access_roles.h"

#include <array>

namespace assay::govern {

namespace {

struct ActionRule {
    Action action;
    Role role;
    std::string_view prefix;
    std::string_view defaultAudit;
    std::string_view phrase;
    std::string_view gerund;
};

constexpr std::array kRules = {
    ActionRule{Action::ChangeData, Role::Scientist, "data", "data.add", "change data",
               "changing data"},
    ActionRule{Action::WriteRun, Role::Scientist, "run", "run.create", "write runs",
               "writing runs"},
    ActionRule{Action::DeleteRun, Role::Scientist, "run", "run.delete", "delete or restore runs",
               "deleting or restoring runs"},
    ActionRule{Action::EditSchema, Role::Scientist, "schema", "schema.save", "edit schemas",
               "editing schemas"},
    ActionRule{Action::RegisterModel, Role::Scientist, "registry", "registry.register",
               "register models", "registering models"},
    ActionRule{Action::PromoteModel, Role::Approver, "registry", "registry.promote",
               "promote to production", "promoting to production"},
    ActionRule{Action::EditModelCard, Role::Scientist, "card", "card.edit", "edit model cards",
               "editing model cards"},
    ActionRule{Action::ExportReport, Role::Scientist, "report", "report.export", "export reports",
               "exporting reports"},
    ActionRule{Action::ReleasePrivateStatistic, Role::Scientist, "privacy", "privacy.release",
               "release private statistics", "releasing private statistics"},
    ActionRule{Action::ManageUsers, Role::Admin, "user", "user.manage", "manage users",
               "managing users"},
    ActionRule{Action::SignCheckpoint, Role::Admin, "audit", "audit.checkpoint",
               "sign audit checkpoints", "signing an audit checkpoint"},
    ActionRule{Action::MonitorModel, Role::Scientist, "monitor", "monitor.ingest",
               "monitor models", "monitoring models"},
};

const ActionRule &ruleFor(Action action)
{
    for (const ActionRule &rule : kRules)
        if (rule.action == action)
            return rule;
    return kRules.front(); // unreachable: every Action has a rule
}

constexpr std::array<std::string_view, 4> kRoleNames = {"viewer", "scientist", "approver", "admin"};

} // namespace

std::string_view roleName(Role role)
{
    return kRoleNames[static_cast<std::size_t>(role)];
}

Result<Role> parseRole(std::string_view text)
{
    for (std::size_t i = 0; i < kRoleNames.size(); ++i)
        if (kRoleNames[i] == text)
            return static_cast<Role>(i);
    return Error::invalidInput("unknown role '" + std::string(text) +
                               "' (one of viewer, scientist, approver, admin)");
}

std::string_view actionName(Action action)
{
    return ruleFor(action).prefix;
}

Role requiredRole(Action action)
{
    return ruleFor(action).role;
}

bool needsPassword(Action action)
{
    return requiredRole(action) >= Role::Approver;
}

std::string_view defaultAuditAction(Action action)
{
    return ruleFor(action).defaultAudit;
}

std::string_view actionPhrase(Action action)
{
    return ruleFor(action).phrase;
}

std::string_view actionGerund(Action action)
{
    return ruleFor(action).gerund;
}

} // namespace assay::govern
