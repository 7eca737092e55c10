// Signing the head of the audit chain, and reading the stored checkpoints.
#include "govern/audit_crypto.h"
#include "govern/audit_key.h"
#include "govern/audit_log.h"
#include "workspace/database.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace assay::govern {

Result<Checkpoint> signCheckpoint(workspace::Database &database,
                                  const std::filesystem::path &keyFile, const std::string &actor)
{
    std::error_code error;
    if (!std::filesystem::exists(keyFile, error)) {
        auto created = createAuditKey(keyFile);
        if (!created)
            return created.error();
    }
    auto key = loadAuditKey(keyFile);
    if (!key)
        return key.error();
    Checkpoint checkpoint{.seq = 0, .hash = {}, .publicKey = toHex(key->publicKey), .time = {}};
    const std::string details =
        QJsonDocument(QJsonObject{{QStringLiteral("public_key"),
                                   QString::fromStdString(checkpoint.publicKey)}})
            .toJson(QJsonDocument::Compact)
            .toStdString();

    // The checkpoint entry and the signature over it commit together: the signed head is
    // that entry, so the checkpoint also vouches for its own record.
    const Status stored = database.transaction([&]() -> Status {
        ASSAY_TRY(appendAudit(database, {.actor = actor,
                                         .action = "audit.checkpoint",
                                         .object = "audit",
                                         .refused = false,
                                         .detailsJson = details}));
        auto head = database.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (!head)
            return head.error();
        auto row = head->step();
        if (!row)
            return row.error();
        if (!*row)
            return Error::internal("the audit log is empty after appending its checkpoint entry");
        checkpoint.seq = head->columnInt(0);
        checkpoint.hash = head->columnText(1);
        checkpoint.time = auditNow();
        const std::string signature =
            signMessage(checkpointMessage(checkpoint.seq, checkpoint.hash), key->secretKey);
        auto insert =
            database.prepare("INSERT INTO audit_checkpoints (seq, hash, time, public_key, "
                             "signature) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!insert)
            return insert.error();
        insert->bind(1, checkpoint.seq)
            .bind(2, checkpoint.hash)
            .bind(3, checkpoint.time)
            .bind(4, checkpoint.publicKey)
            .bind(5, signature);
        return insert->run();
    });
    sodium_memzero(key->secretKey.data(), key->secretKey.size());
    if (!stored)
        return stored.error();
    return checkpoint;
}

Result<std::vector<Checkpoint>> readCheckpoints(workspace::Database &database)
{
    auto statement =
        database.prepare("SELECT seq, hash, public_key, time FROM audit_checkpoints ORDER BY seq");
    if (!statement)
        return statement.error();
    std::vector<Checkpoint> checkpoints;
    ASSAY_TRY(statement->forEachRow([&](const workspace::Statement &row) {
        checkpoints.push_back({.seq = row.columnInt(0),
                               .hash = row.columnText(1),
                               .publicKey = row.columnText(2),
                               .time = row.columnText(3)});
    }));
    return checkpoints;
}

} // namespace assay::govern
