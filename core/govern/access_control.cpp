// authorize(): the session's user against the workspace's users and the action's rule.
#include "govern/access_control.h"

#include "govern/access_identity.h"
#include "govern/access_roles.h"
#include "govern/access_session.h"
#include "govern/audit_log.h"
#include "govern/password_hash.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace assay::govern {

namespace {

Result<std::optional<StoredUser>> findUser(workspace::Database &database, std::string_view where,
                                           const std::string &key)
{
    auto select = database.prepare("SELECT " + std::string(kUserColumns) + " FROM users WHERE " +
                                   std::string(where) + " ORDER BY os_user IS NULL LIMIT 1");
    if (!select)
        return select.error();
    select->bind(1, key);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<StoredUser>();
    return std::optional<StoredUser>(StoredUser{userFromRow(*select), select->columnText(3)});
}

Actor unenforcedActor()
{
    return {.name = sessionCredentials().user, .role = Role::Admin, .enforced = false};
}

} // namespace

User userFromRow(const workspace::Statement &row)
{
    const auto role = parseRole(row.columnText(2));
    return {.name = row.columnText(0),
            .osUser = row.columnIsNull(1) ? std::nullopt : std::optional(row.columnText(1)),
            .role = role ? *role : Role::Viewer, // the table's CHECK allows only the four names
            .hasPassword = !row.columnIsNull(3) && !row.columnText(3).empty(),
            .createdMs = row.columnInt(4),
            .createdBy = row.columnText(5),
            .disabled = row.columnInt(6) != 0};
}

Result<std::int64_t> userCount(workspace::Database &database)
{
    auto count = database.prepare("SELECT count(*) FROM users");
    if (!count)
        return count.error();
    auto row = count->step();
    if (!row)
        return row.error();
    return count->columnInt(0);
}

Result<std::optional<StoredUser>> findUserByName(workspace::Database &database,
                                                 const std::string &name)
{
    return findUser(database, "name = ?1", name);
}

Result<std::optional<StoredUser>> findUserByLogin(workspace::Database &database,
                                                  const std::string &login)
{
    return findUser(database, "os_user = ?1 OR (os_user IS NULL AND name = ?1)", login);
}

Status checkSessionPassword(const StoredUser &stored, std::string_view gerund)
{
    const std::string &name = stored.user.name;
    if (stored.passwordHash.empty())
        return Error::refused(std::string(gerund) + " needs " + name + "'s password, and " + name +
                              " has none: an admin must set one (assay users passwd " + name + ")");
    std::optional<std::string> password = sessionCredentials().password;
    if (!password)
        password = askSessionPassword(name, std::string(gerund));
    if (!password)
        return Error::refused(std::string(gerund) + " needs " + name +
                              "'s password: set ASSAY_PASSWORD or answer the prompt");
    if (!verifyPassword(stored.passwordHash, *password))
        return Error::refused("wrong password for " + name);
    return {};
}

Error refuse(workspace::Database &database, const std::string &actor, std::string_view auditAction,
             const std::string &object, const std::string &message)
{
    QJsonObject details{{QStringLiteral("reason"), QString::fromStdString(message)}};
    (void)appendAudit(
        database,
        {.actor = actor,
         .action = std::string(auditAction),
         .object = object,
         .refused = true,
         .detailsJson = QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString()});
    return Error::refused(message);
}

Result<Actor> currentActor(workspace::Database &database)
{
    auto users = userCount(database);
    if (!users)
        return users.error();
    if (*users == 0)
        return unenforcedActor();
    const std::string login = sessionCredentials().user;
    auto found = findUserByLogin(database, login);
    if (!found)
        return found.error();
    if (!*found)
        return Actor{.name = login, .role = Role::Viewer, .enforced = true};
    return Actor{.name = (*found)->user.name, .role = (*found)->user.role, .enforced = true};
}

Result<Actor> authorize(workspace::Database &database, Action action, const std::string &object,
                        std::string_view auditAction)
{
    if (auditAction.empty())
        auditAction = defaultAuditAction(action);
    auto actor = currentActor(database);
    if (!actor || !actor->enforced)
        return actor;
    const std::string login = sessionCredentials().user;
    auto found = findUserByLogin(database, login);
    if (!found)
        return found.error();
    const std::string phrase(actionPhrase(action));
    const std::string needed(roleName(requiredRole(action)));
    if (!*found) {
        if (requiredRole(action) == Role::Viewer)
            return actor;
        return refuse(database, actor->name, auditAction, object,
                      login + " (viewer) may not " + phrase + ": it needs the " + needed +
                          " role (" + login + " is not a user of this workspace)");
    }
    const StoredUser &user = **found;
    if (user.user.disabled)
        return refuse(database, actor->name, auditAction, object,
                      user.user.name + " is disabled in this workspace and may not " + phrase);
    if (user.user.role < requiredRole(action))
        return refuse(database, actor->name, auditAction, object,
                      user.user.name + " (" + std::string(roleName(user.user.role)) + ") may not " +
                          phrase + ": it needs the " + needed + " role");
    if (needsPassword(action)) {
        if (Status checked = checkSessionPassword(user, actionGerund(action)); !checked)
            return refuse(database, actor->name, auditAction, object, checked.error().message);
    }
    return actor;
}

Result<Actor> authorizeAt(const std::filesystem::path &root, Action action,
                          const std::string &object, std::string_view auditAction)
{
    const auto found = workspace::Workspace::discover(root);
    if (!found)
        return unenforcedActor();
    auto opened = workspace::Workspace::open(*found);
    if (!opened)
        return opened.error();
    return authorize(opened->database(), action, object, auditAction);
}

} // namespace assay::govern
