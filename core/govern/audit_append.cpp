// Appending to the audit chain, and the canonical form every hash is computed over.
#include "govern/audit_crypto.h"
#include "govern/audit_log.h"
#include "workspace/database.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace assay::govern {

namespace {

void appendField(std::string &bytes, std::string_view field)
{
    const auto size = static_cast<std::uint64_t>(field.size());
    for (int shift = 56; shift >= 0; shift -= 8)
        bytes.push_back(static_cast<char>((size >> shift) & 0xff));
    bytes.append(field);
}

struct ChainHead {
    std::int64_t seq = 0;
    std::string hash;
};

Result<ChainHead> chainHead(workspace::Database &database)
{
    auto statement = database.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    if (!*row)
        return ChainHead{.seq = 0, .hash = genesisHash()};
    return ChainHead{.seq = statement->columnInt(0), .hash = statement->columnText(1)};
}

Status insertEntry(workspace::Database &database, const AuditRecord &record,
                   const std::string &details)
{
    auto head = chainHead(database);
    if (!head)
        return head.error();
    AuditEntry entry{.seq = head->seq + 1,
                     .time = auditNow(),
                     .actor = record.actor,
                     .action = record.action,
                     .object = record.object,
                     .outcome = record.refused ? "refused" : "ok",
                     .details = details,
                     .prevHash = head->hash,
                     .hash = {}};
    entry.hash = auditEntryHash(entry);
    auto insert = database.prepare(
        "INSERT INTO audit_log (seq, time, actor, action, object, outcome, details, prev_hash, "
        "hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert)
        return insert.error();
    insert->bind(1, entry.seq)
        .bind(2, entry.time)
        .bind(3, entry.actor)
        .bind(4, entry.action)
        .bind(5, entry.object)
        .bind(6, entry.outcome)
        .bind(7, entry.details)
        .bind(8, entry.prevHash)
        .bind(9, entry.hash);
    return insert->run();
}

} // namespace

std::string auditCanonicalBytes(const AuditEntry &entry)
{
    std::string bytes;
    bytes.reserve(64 + entry.time.size() + entry.actor.size() + entry.action.size() +
                  entry.object.size() + entry.outcome.size() + entry.details.size());
    appendField(bytes, std::to_string(entry.seq));
    appendField(bytes, entry.time);
    appendField(bytes, entry.actor);
    appendField(bytes, entry.action);
    appendField(bytes, entry.object);
    appendField(bytes, entry.outcome);
    appendField(bytes, entry.details);
    return bytes;
}

std::string auditEntryHash(const AuditEntry &entry)
{
    return sha256Hex(entry.prevHash + auditCanonicalBytes(entry));
}

Result<std::string> canonicalAuditDetails(const std::string &detailsJson)
{
    if (detailsJson.empty())
        return std::string("{}");
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(detailsJson), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalidInput("audit details are not a JSON object: " + detailsJson);
    return QJsonDocument(document.object()).toJson(QJsonDocument::Compact).toStdString();
}

Status appendAudit(workspace::Database &database, const AuditRecord &record)
{
    if (record.action.empty())
        return Error::invalidInput("audit entry without an action (object '" + record.object +
                                   "')");
    auto details = canonicalAuditDetails(record.detailsJson);
    if (!details)
        return details.error();
    // On its own, the entry takes the write lock first (BEGIN IMMEDIATE), so reading the
    // head and inserting cannot interleave with another process's append.
    return database.transaction([&] { return insertEntry(database, record, *details); });
}

} // namespace assay::govern
