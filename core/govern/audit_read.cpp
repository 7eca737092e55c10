// Reading the audit log with filters, and the stored checkpoints.
#include "govern/audit_rows.h"
#include "workspace/database.h"

#include <QDateTime>

#include <algorithm>

namespace assay::govern {

namespace {

// "2026-11-26", "2026-11-26T14:30", "2026-11-26 14:30:05.250Z", "…+02:00" as the UTC text
// stored in audit_log.time; a time without a zone is local time.
Result<std::string> sinceAsStoredTime(const std::string &since)
{
    QString text = QString::fromStdString(since).trimmed();
    if (text.size() > 10 && text.at(10) == QLatin1Char(' '))
        text[10] = QLatin1Char('T');
    QDateTime time;
    if (text.size() == 10)
        time = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0));
    else
        time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error::invalidInput("since '" + since +
                                   "': expected an ISO 8601 date or time such as 2026-11-26, "
                                   "2026-11-26T14:30 or 2026-11-26T14:30:00Z");
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace

AuditEntry entryFromRow(const workspace::Statement &row)
{
    return AuditEntry{.seq = row.columnInt(0),
                      .time = row.columnText(1),
                      .actor = row.columnText(2),
                      .action = row.columnText(3),
                      .object = row.columnText(4),
                      .outcome = row.columnText(5),
                      .details = row.columnText(6),
                      .prevHash = row.columnText(7),
                      .hash = row.columnText(8)};
}

Result<std::vector<AuditEntry>> readAudit(workspace::Database &database, const AuditQuery &query)
{
    std::string sql = std::string("SELECT ") + kAuditColumns + " FROM audit_log WHERE 1";
    std::vector<std::string> values;
    if (query.since) {
        auto since = sinceAsStoredTime(*query.since);
        if (!since)
            return since.error();
        sql += " AND time >= ?";
        values.push_back(*since);
    }
    if (query.action) {
        // A prefix ending in '.' selects an area; compared with substr so '_' and '%' in
        // actions stay literal.
        if (!query.action->empty() && query.action->back() == '.') {
            sql += " AND substr(action, 1, length(?)) = ?";
            values.push_back(*query.action);
        } else {
            sql += " AND action = ?";
        }
        values.push_back(*query.action);
    }
    if (query.actor) {
        sql += " AND actor = ?";
        values.push_back(*query.actor);
    }
    if (query.object) {
        sql += " AND object = ?";
        values.push_back(*query.object);
    }
    sql += " ORDER BY seq DESC";
    if (query.limit > 0)
        sql += " LIMIT " + std::to_string(query.limit);

    auto statement = database.prepare(sql);
    if (!statement)
        return statement.error();
    for (std::size_t i = 0; i < values.size(); ++i)
        statement->bind(static_cast<int>(i + 1), values[i]);
    std::vector<AuditEntry> entries;
    ASSAY_TRY(statement->forEachRow(
        [&](const workspace::Statement &row) { entries.push_back(entryFromRow(row)); }));
    std::reverse(entries.begin(), entries.end());
    return entries;
}

} // namespace assay::govern
