// The workspace's users: add, change role or password, remove; every change is audited.
#include "govern/access_control.h"

#include "govern/access_identity.h"
#include "govern/audit_log.h"
#include "govern/password_hash.h"
#include "workspace/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace assay::govern {

namespace {

constexpr std::size_t kMinPasswordLength = 8;
constexpr std::size_t kMaxNameLength = 64;

std::string compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

QString text(std::string_view value)
{
    return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

Status checkName(const std::string &name, std::string_view what)
{
    if (name.empty())
        return Error::invalidInput(std::string(what) + " must not be empty");
    if (name.size() > kMaxNameLength)
        return Error::invalidInput(std::string(what) + " '" + name + "' is longer than " +
                                   std::to_string(kMaxNameLength) + " characters");
    for (const unsigned char c : name)
        if (c <= ' ' || c == 0x7f)
            return Error::invalidInput(std::string(what) + " '" + name +
                                       "' must not contain spaces or control characters");
    return {};
}

Status checkPassword(const std::string &name, const std::string &password)
{
    if (password.size() < kMinPasswordLength)
        return Error::invalidInput("the password for " + name + " is too short (at least " +
                                   std::to_string(kMinPasswordLength) + " characters)");
    return {};
}

Result<std::int64_t> enabledAdmins(workspace::Database &database)
{
    auto count =
        database.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND disabled = 0");
    if (!count)
        return count.error();
    auto row = count->step();
    if (!row)
        return row.error();
    return count->columnInt(0);
}

// Inside the change's transaction, so two admins demoting each other cannot both succeed.
Status keepOneAdmin(workspace::Database &database, const User &user, std::string_view change)
{
    if (user.role != Role::Admin || user.disabled)
        return {};
    auto admins = enabledAdmins(database);
    if (!admins)
        return admins.error();
    if (*admins <= 1)
        return Error::refused("cannot " + std::string(change) + " " + user.name +
                              ": they are the last admin of this workspace (make another user "
                              "admin first)");
    return {};
}

Result<StoredUser> requireUser(workspace::Database &database, const std::string &name)
{
    auto found = findUserByName(database, name);
    if (!found)
        return found.error();
    if (!*found)
        return Error::notFound("no user named '" + name + "' in this workspace");
    return **found;
}

} // namespace

Result<std::vector<User>> listUsers(workspace::Database &database)
{
    auto select =
        database.prepare("SELECT " + std::string(kUserColumns) + " FROM users ORDER BY name");
    if (!select)
        return select.error();
    std::vector<User> users;
    ASSAY_TRY(select->forEachRow(
        [&](const workspace::Statement &row) { users.push_back(userFromRow(row)); }));
    return users;
}

Status addUser(workspace::Database &database, const User &user,
               const std::optional<std::string> &password)
{
    ASSAY_TRY(checkName(user.name, "a user name"));
    if (user.osUser)
        ASSAY_TRY(checkName(*user.osUser, "an OS login"));
    auto existing = userCount(database);
    if (!existing)
        return existing.error();
    const bool bootstrap = *existing == 0;
    std::string actor;
    if (bootstrap) {
        if (user.role != Role::Admin || !password)
            return Error::invalidInput("the first user of a workspace must be an admin with a "
                                       "password (" +
                                       user.name + " would be " + std::string(roleName(user.role)) +
                                       (password ? "" : " without a password") + ")");
        actor = sessionCredentials().user;
    } else {
        auto allowed = authorize(database, Action::ManageUsers, user.name, "user.add");
        if (!allowed)
            return allowed.error();
        actor = allowed->name;
    }
    if (user.role >= Role::Approver && !password)
        return Error::invalidInput(user.name + " needs a password to be " +
                                   std::string(roleName(user.role)));
    std::optional<std::string> hash;
    if (password) {
        ASSAY_TRY(checkPassword(user.name, *password));
        auto hashed = hashPassword(*password);
        if (!hashed)
            return hashed.error();
        hash = *hashed;
    }
    return database.transaction([&]() -> Status {
        if (auto now = userCount(database); !now || (bootstrap && *now != 0))
            return now ? Error::refused("another user was added to this workspace meanwhile; "
                                        "ask an admin to add " +
                                        user.name)
                       : now.error();
        if (auto taken = findUserByName(database, user.name); !taken || *taken)
            return taken ? Error::invalidInput("user '" + user.name + "' already exists")
                         : taken.error();
        if (user.osUser) {
            if (auto taken = findUserByLogin(database, *user.osUser);
                !taken || (*taken && (*taken)->user.osUser == user.osUser))
                return taken ? Error::invalidInput("the OS login '" + *user.osUser +
                                                   "' is already mapped to user " +
                                                   (*taken)->user.name)
                             : taken.error();
        }
        auto insert = database.prepare(
            "INSERT INTO users(name, os_user, role, password_hash, created_ms, created_by, "
            "disabled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0)");
        if (!insert)
            return insert.error();
        insert->bind(1, user.name);
        user.osUser ? insert->bind(2, *user.osUser) : insert->bindNull(2);
        insert->bind(3, roleName(user.role));
        hash ? insert->bind(4, *hash) : insert->bindNull(4);
        insert->bind(5, std::int64_t{QDateTime::currentMSecsSinceEpoch()}).bind(6, actor);
        ASSAY_TRY(insert->run());
        QJsonObject details{{QStringLiteral("role"), text(roleName(user.role))},
                            {QStringLiteral("password"), bool(hash)}};
        if (user.osUser)
            details.insert(QStringLiteral("os_user"), text(*user.osUser));
        return appendAudit(database, {.actor = actor,
                                      .action = "user.add",
                                      .object = user.name,
                                      .refused = false,
                                      .detailsJson = compact(details)});
    });
}

Status setUserRole(workspace::Database &database, const std::string &name, Role role)
{
    auto allowed = authorize(database, Action::ManageUsers, name, "user.role");
    if (!allowed)
        return allowed.error();
    auto target = requireUser(database, name);
    if (!target)
        return target.error();
    if (role >= Role::Approver && target->passwordHash.empty())
        return Error::invalidInput(name + " needs a password before becoming " +
                                   std::string(roleName(role)) + " (assay users passwd " + name +
                                   ")");
    if (target->user.role == role)
        return {};
    if (role != Role::Admin) {
        if (Status kept = keepOneAdmin(database, target->user, "demote"); !kept)
            return kept.error().kind == ErrorKind::Refused
                       ? refuse(database, allowed->name, "user.role", name, kept.error().message)
                       : kept.error();
    }
    return database.transaction([&]() -> Status {
        if (role != Role::Admin)
            ASSAY_TRY(keepOneAdmin(database, target->user, "demote"));
        auto update = database.prepare("UPDATE users SET role = ?2 WHERE name = ?1");
        if (!update)
            return update.error();
        update->bind(1, name).bind(2, roleName(role));
        ASSAY_TRY(update->run());
        const QJsonObject details{{QStringLiteral("from"), text(roleName(target->user.role))},
                                  {QStringLiteral("to"), text(roleName(role))}};
        return appendAudit(database, {.actor = allowed->name,
                                      .action = "user.role",
                                      .object = name,
                                      .refused = false,
                                      .detailsJson = compact(details)});
    });
}

Status setUserPassword(workspace::Database &database, const std::string &name,
                       const std::string &password)
{
    auto self = currentActor(database);
    if (!self)
        return self.error();
    auto target = requireUser(database, name);
    if (!target)
        return target.error();
    std::string actor;
    if (self->enforced && self->name == name) {
        if (!target->passwordHash.empty()) {
            if (Status checked = checkSessionPassword(*target, "changing your password"); !checked)
                return refuse(database, name, "user.password", name, checked.error().message);
        }
        actor = name;
    } else {
        auto allowed = authorize(database, Action::ManageUsers, name, "user.password");
        if (!allowed)
            return allowed.error();
        actor = allowed->name;
    }
    ASSAY_TRY(checkPassword(name, password));
    auto hash = hashPassword(password);
    if (!hash)
        return hash.error();
    return database.transaction([&]() -> Status {
        auto update = database.prepare("UPDATE users SET password_hash = ?2 WHERE name = ?1");
        if (!update)
            return update.error();
        update->bind(1, name).bind(2, *hash);
        ASSAY_TRY(update->run());
        return appendAudit(database, {.actor = actor,
                                      .action = "user.password",
                                      .object = name,
                                      .refused = false,
                                      .detailsJson = "{}"});
    });
}

Status removeUser(workspace::Database &database, const std::string &name)
{
    auto allowed = authorize(database, Action::ManageUsers, name, "user.remove");
    if (!allowed)
        return allowed.error();
    auto target = requireUser(database, name);
    if (!target)
        return target.error();
    if (Status kept = keepOneAdmin(database, target->user, "remove"); !kept)
        return kept.error().kind == ErrorKind::Refused
                   ? refuse(database, allowed->name, "user.remove", name, kept.error().message)
                   : kept.error();
    return database.transaction([&]() -> Status {
        ASSAY_TRY(keepOneAdmin(database, target->user, "remove"));
        auto remove = database.prepare("DELETE FROM users WHERE name = ?1");
        if (!remove)
            return remove.error();
        remove->bind(1, name);
        ASSAY_TRY(remove->run());
        const QJsonObject details{{QStringLiteral("role"), text(roleName(target->user.role))}};
        return appendAudit(database, {.actor = allowed->name,
                                      .action = "user.remove",
                                      .object = name,
                                      .refused = false,
                                      .detailsJson = compact(details)});
    });
}

} // namespace assay::govern
