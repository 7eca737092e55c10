#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::workspace {
class Database;
}

namespace assay::govern {

enum class Role { Viewer, Scientist, Approver, Admin };
std::string_view roleName(Role role); // "viewer", "scientist", "approver", "admin"
Result<Role> parseRole(std::string_view text);

// Every state-changing action, with the least role allowed to do it:
// viewer — none; scientist — data, runs, schema, register, staging/archive, alias, card,
// report, privacy; approver — promote to production; admin — users, audit checkpoints.
enum class Action {
    ChangeData,      // data add, data commit, checkout
    WriteRun,        // create a run, log to it, import runs
    DeleteRun,       // delete or restore a run
    EditSchema,
    RegisterModel,   // register a version, set an alias, move to staging or archived
    PromoteModel,    // move a version to production
    EditModelCard,
    ExportReport,
    ReleasePrivateStatistic,
    ManageUsers,
    SignCheckpoint,
    MonitorModel,    // configure a monitor, ingest prediction logs, set alert rules
};
std::string_view actionName(Action action); // the audit action prefix, e.g. "data", "run"
Role requiredRole(Action action);
// Approver and admin actions need the user's password as well as the role.
bool needsPassword(Action action);
// The audit action recorded for a refused attempt when the caller names none, e.g. "data.add".
std::string_view defaultAuditAction(Action action);

// Who is acting in this process: set once by the CLI or GUI, read by core when it authorises.
// `user` defaults to $ASSAY_USER, else the OS login; `password` to $ASSAY_PASSWORD.
struct Credentials {
    std::string user;
    std::optional<std::string> password;
};
// Until setSessionCredentials is called, sessionCredentials() reads the environment each time.
// Thread-safe.
Credentials sessionCredentials();
void setSessionCredentials(Credentials credentials);
// $ASSAY_USER, else the OS login (getpwuid), else $USER; $ASSAY_PASSWORD when set.
Credentials defaultCredentials();

// Asked when an action needs a password and the session has none (the CLI prompts on a
// terminal without echo). Returns nullopt when the user gives none. An answer is kept in the
// session credentials so it is asked once per process. Thread-safe to set; called unlocked.
using PasswordPrompt =
    std::function<std::optional<std::string>(const std::string &user, const std::string &reason)>;
void setPasswordPrompt(PasswordPrompt prompt);

// The workspace user an action is taken as.
struct Actor {
    std::string name;
    Role role = Role::Viewer;
    bool enforced = false; // false while the workspace has no users: everyone may do anything
};

// Checks the session's user against the workspace's users. While the workspace has no users,
// access control is off and every action is allowed (actor = the OS login, enforced = false).
// Once it has users, an unknown login acts as a viewer and a disabled user is refused. A
// refusal returns Error::refused with a message naming the user, their role, the action and
// the role it needs (or that a password is needed or wrong), and appends a "refused" audit
// entry for `object` under `auditAction` (defaultAuditAction when empty). Call it before
// opening the transaction of the change: a rolled-back transaction would drop that entry.
Result<Actor> authorize(workspace::Database &database, Action action, const std::string &object,
                        std::string_view auditAction = {});
// The same for core functions that only know a folder (version/, validate/): opens the
// database of the workspace holding `root` (Workspace::discover from `root` upward); allows
// everything when the folder is in no Assay workspace.
Result<Actor> authorizeAt(const std::filesystem::path &root, Action action,
                          const std::string &object, std::string_view auditAction = {});
// Who the session's user is in this workspace, without checking an action (for `whoami`).
Result<Actor> currentActor(workspace::Database &database);

struct User {
    std::string name;
    std::optional<std::string> osUser; // the login mapped to this user; the name when empty
    Role role = Role::Viewer;
    bool hasPassword = false;
    std::int64_t createdMs = 0;
    std::string createdBy;
    bool disabled = false;
};

Result<std::vector<User>> listUsers(workspace::Database &database);
// Adding the first user needs no rights and must make an admin with a password (bootstrap);
// later changes need ManageUsers. Passwords are stored as argon2id strings (libsodium).
// Approvers and admins must have a password. `createdMs`, `createdBy` and `hasPassword` of
// `user` are ignored (now, the actor, `password`).
Status addUser(workspace::Database &database, const User &user,
               const std::optional<std::string> &password);
// An approver or admin role needs the user to have a password already.
Status setUserRole(workspace::Database &database, const std::string &name, Role role);
// A user may change their own password (giving the current one, as for any password check);
// changing someone else's needs ManageUsers. Passwords have at least 8 characters.
Status setUserPassword(workspace::Database &database, const std::string &name,
                       const std::string &password);
// Refuses to remove or demote the last admin.
Status removeUser(workspace::Database &database, const std::string &name);

} // namespace assay::govern
