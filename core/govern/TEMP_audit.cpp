// TEMPORARY stand-in for the audit helper's appendAudit so this branch links; deleted before
// the branch is handed over. Rows get empty hashes.
#include "govern/audit_log.h"

#include "workspace/database.h"

#include <QDateTime>

#include <sqlite3.h>

namespace assay::govern {

Status appendAudit(workspace::Database &database, const AuditRecord &record)
{
    auto insert = [&]() -> Status {
        auto statement = database.prepare(
            "INSERT INTO audit_log(time, actor, action, object, outcome, details, prev_hash, hash) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', '')");
        if (!statement)
            return statement.error();
        const std::string time = QDateTime::currentDateTimeUtc()
                                     .toString(Qt::ISODateWithMs)
                                     .toStdString();
        statement->bind(1, time).bind(2, record.actor).bind(3, record.action);
        statement->bind(4, record.object).bind(5, record.refused ? "refused" : "ok");
        statement->bind(6, record.detailsJson);
        return statement->run();
    };
    if (sqlite3_get_autocommit(database.handle()) == 0)
        return insert();
    return database.transaction(insert);
}

} // namespace assay::govern
