// TEMPORARY stand-ins for access control and the audit log until their branches are merged.
// Delete before finishing: the lead merges the real implementations.
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "workspace/database.h"

#include <QDateTime>

#include <cstdlib>

namespace assay::govern {

namespace {
std::optional<Credentials> g_credentials;
}

std::string_view roleName(Role role)
{
    switch (role) {
    case Role::Viewer: return "viewer";
    case Role::Scientist: return "scientist";
    case Role::Approver: return "approver";
    case Role::Admin: return "admin";
    }
    return "viewer";
}

Credentials sessionCredentials()
{
    if (g_credentials)
        return *g_credentials;
    const char *user = std::getenv("ASSAY_USER");
    if (!user)
        user = std::getenv("USER");
    return {user ? user : "user", std::nullopt};
}

void setSessionCredentials(Credentials credentials)
{
    g_credentials = std::move(credentials);
}

Result<Actor> authorize(workspace::Database &, Action, const std::string &)
{
    return Actor{.name = sessionCredentials().user, .role = Role::Admin, .enforced = false};
}

Result<std::vector<User>> listUsers(workspace::Database &)
{
    return std::vector<User>{};
}

Status appendAudit(workspace::Database &database, const AuditRecord &record)
{
    auto insert = database.prepare(
        "INSERT INTO audit_log(time, actor, action, object, outcome, details, prev_hash, hash) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', '')");
    if (!insert)
        return insert.error();
    insert->bind(1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString());
    insert->bind(2, record.actor).bind(3, record.action).bind(4, record.object);
    insert->bind(5, std::string_view(record.refused ? "refused" : "ok")).bind(6, record.detailsJson);
    return insert->run();
}

Result<std::vector<AuditEntry>> readAudit(workspace::Database &database, const AuditQuery &)
{
    auto select = database.prepare(
        "SELECT seq, time, actor, action, object, outcome, details FROM audit_log ORDER BY seq");
    if (!select)
        return select.error();
    std::vector<AuditEntry> entries;
    ASSAY_TRY(select->forEachRow([&](const workspace::Statement &row) {
        entries.push_back({.seq = row.columnInt(0), .time = row.columnText(1), .actor = row.columnText(2),
                           .action = row.columnText(3), .object = row.columnText(4),
                           .outcome = row.columnText(5), .details = row.columnText(6),
                           .prevHash = {}, .hash = {}});
    }));
    return entries;
}

} // namespace assay::govern
