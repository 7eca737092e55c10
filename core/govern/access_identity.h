#pragma once

#include "govern/access_control.h"
#include "workspace/database.h"

#include <optional>
#include <string>
#include <string_view>

namespace assay::govern {

// A row of the users table with its argon2id string (empty when the user has no password).
struct StoredUser {
    User user;
    std::string passwordHash;
};

// The columns userFromRow reads, in its order, for SELECT … FROM users.
inline constexpr std::string_view kUserColumns =
    "name, os_user, role, password_hash, created_ms, created_by, disabled";
User userFromRow(const workspace::Statement &row);

Result<std::int64_t> userCount(workspace::Database &database);
Result<std::optional<StoredUser>> findUserByName(workspace::Database &database,
                                                 const std::string &name);
// The user a login maps to: the one whose os_user is the login, else the one without an
// os_user whose name is the login.
Result<std::optional<StoredUser>> findUserByLogin(workspace::Database &database,
                                                  const std::string &login);

// Checks the session's password (or the prompt's answer) against `user`'s; `gerund` says what
// needs it ("promoting to production"). Error::refused with the reason when it does not match.
Status checkSessionPassword(const StoredUser &user, std::string_view gerund);

// Appends a refused audit entry and returns Error::refused(message); the entry is best effort
// so the refusal stands even when the audit log cannot be written.
Error refuse(workspace::Database &database, const std::string &actor, std::string_view auditAction,
             const std::string &object, const std::string &message);

} // namespace assay::govern
