// TEMPORARY stand-ins for access_control.cpp and audit_log.cpp so this branch links before
// the real ones are merged. Deleted before the branch is handed over.
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "workspace/database.h"

#include <QDateTime>

#include <cstdlib>

namespace assay::govern {

Result<Actor> authorize(workspace::Database &, Action, const std::string &)
{
    const char *user = std::getenv("ASSAY_USER");
    return Actor{.name = user ? user : "tester", .role = Role::Admin, .enforced = false};
}

Status appendAudit(workspace::Database &database, const AuditRecord &record)
{
    auto statement = database.prepare(
        "INSERT INTO audit_log (time, actor, action, object, outcome, details, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, '', '')");
    if (!statement)
        return statement.error();
    statement->bind(1, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString())
        .bind(2, record.actor)
        .bind(3, record.action)
        .bind(4, record.object)
        .bind(5, std::string_view(record.refused ? "refused" : "ok"))
        .bind(6, record.detailsJson);
    return statement->run();
}

Result<std::vector<AuditEntry>> readAudit(workspace::Database &database, const AuditQuery &query)
{
    auto statement = database.prepare(
        "SELECT seq, time, actor, action, object, outcome, details FROM audit_log ORDER BY seq");
    if (!statement)
        return statement.error();
    std::vector<AuditEntry> entries;
    auto visited = statement->forEachRow([&](const workspace::Statement &row) {
        AuditEntry entry{.seq = row.columnInt(0), .time = row.columnText(1), .actor = row.columnText(2),
                         .action = row.columnText(3), .object = row.columnText(4),
                         .outcome = row.columnText(5), .details = row.columnText(6), .prevHash = {},
                         .hash = {}};
        if (query.action && entry.action != *query.action)
            return;
        entries.push_back(std::move(entry));
    });
    if (!visited)
        return visited.error();
    return entries;
}

} // namespace assay::govern
