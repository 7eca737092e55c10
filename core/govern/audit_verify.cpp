// Verifying the audit chain and its signed checkpoints (the rules are in audit_log.h).
#include "govern/audit_crypto.h"
#include "govern/audit_log.h"
#include "govern/audit_rows.h"
#include "workspace/database.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <unordered_map>

namespace assay::govern {

namespace {

constexpr std::int64_t kNoBreak = std::numeric_limits<std::int64_t>::max();

struct Problem {
    std::int64_t seq = kNoBreak;
    std::string text;
};

void keepEarliest(Problem &earliest, std::int64_t seq, std::string text)
{
    if (seq < earliest.seq)
        earliest = {.seq = seq, .text = std::move(text)};
}

std::string entryName(std::int64_t seq)
{
    return "entry " + std::to_string(seq);
}

std::string shortKey(const std::string &key)
{
    return key.size() > 16 ? key.substr(0, 16) + "…" : key;
}

struct StoredCheckpoint {
    std::int64_t seq = 0;
    std::string hash;
    std::string publicKey;
    std::string signature;
};

Result<std::vector<StoredCheckpoint>> storedCheckpoints(workspace::Database &database)
{
    auto statement = database.prepare(
        "SELECT seq, hash, public_key, signature FROM audit_checkpoints ORDER BY seq");
    if (!statement)
        return statement.error();
    std::vector<StoredCheckpoint> checkpoints;
    ASSAY_TRY(statement->forEachRow([&](const workspace::Statement &row) {
        checkpoints.push_back({.seq = row.columnInt(0),
                               .hash = row.columnText(1),
                               .publicKey = row.columnText(2),
                               .signature = row.columnText(3)});
    }));
    return checkpoints;
}

// The first entry, in seq order, that does not verify against the entries before it.
Problem walkChain(const std::vector<AuditEntry> &entries)
{
    std::unordered_map<std::string, std::int64_t> seqOfHash;
    for (const auto &entry : entries)
        seqOfHash.emplace(entry.hash, entry.seq);

    std::int64_t expectedSeq = 1;
    std::string previousHash = genesisHash();
    const AuditEntry *previous = nullptr;
    for (const auto &entry : entries) {
        const std::int64_t seq = entry.seq;
        if (seq > expectedSeq) {
            if (seq == expectedSeq + 1)
                return {expectedSeq, entryName(expectedSeq) + " is missing (the log goes from " +
                                         (expectedSeq == 1 ? std::string("its start")
                                                           : entryName(expectedSeq - 1)) +
                                         " to " + entryName(seq) + ")"};
            return {expectedSeq, "entries " + std::to_string(expectedSeq) + " to " +
                                     std::to_string(seq - 1) + " are missing"};
        }
        if (seq < expectedSeq)
            return {seq, entryName(seq) + " was inserted: entries are numbered from 1"};
        const bool hashMatches = auditEntryHash(entry) == entry.hash;
        if (entry.prevHash != previousHash) {
            const std::string predecessor =
                seq == 1 ? std::string("the start of the log") : entryName(seq - 1);
            if (previous && entry.prevHash == previous->prevHash) {
                // Two entries follow the same one. An entry that was shifted to make room no
                // longer hashes under its new seq, which tells the inserted one apart.
                const std::string before = previous->seq == 1 ? std::string("the start of the log")
                                                              : entryName(previous->seq - 1);
                if (!hashMatches)
                    return {previous->seq, entryName(previous->seq) + " was inserted: it and " +
                                               entryName(seq) + " both follow " + before};
                return {seq, entryName(seq) + " was inserted: it follows " + before + " as " +
                                 entryName(previous->seq) + " does"};
            }
            const auto linked = seqOfHash.find(entry.prevHash);
            if (linked != seqOfHash.end() && linked->second > seq)
                return {seq, entryName(seq) + " is out of order: it follows " +
                                 entryName(linked->second) + ", which comes after it"};
            if (linked != seqOfHash.end())
                return {seq, entryName(seq) + " does not follow " + predecessor + ": it follows " +
                                 entryName(linked->second)};
            return {seq, entryName(seq) + " does not follow " + predecessor +
                             ": its previous hash belongs to no entry (an entry before it was "
                             "deleted or replaced)"};
        }
        if (!hashMatches)
            return {seq, entryName(seq) + " was edited: its contents no longer match its hash"};
        previousHash = entry.hash;
        previous = &entry;
        expectedSeq = seq + 1;
    }
    return {};
}

std::string recordedPublicKey(const AuditEntry &entry)
{
    const auto details = QJsonDocument::fromJson(QByteArray::fromStdString(entry.details)).object();
    return details.value(QStringLiteral("public_key")).toString().toStdString();
}

std::string lowercase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

Result<ChainVerdict> verifyAudit(workspace::Database &database,
                                 const std::optional<std::string> &trustedPublicKey)
{
    std::optional<std::string> trusted;
    if (trustedPublicKey) {
        trusted = lowercase(*trustedPublicKey);
        const auto bytes = fromHex(*trusted);
        if (!bytes || bytes->size() != 32)
            return Error::invalidInput("public key '" + *trustedPublicKey +
                                       "': expected 64 hex digits (see `assay audit key`)");
    }
    auto entries = readAudit(database);
    if (!entries)
        return entries.error();
    auto checkpoints = storedCheckpoints(database);
    if (!checkpoints)
        return checkpoints.error();

    Problem earliest = walkChain(*entries);
    const std::int64_t lastSeq = entries->empty() ? 0 : entries->back().seq;
    std::map<std::int64_t, const AuditEntry *> entryAt;
    for (const auto &entry : *entries)
        entryAt.emplace(entry.seq, &entry);
    std::map<std::int64_t, const StoredCheckpoint *> checkpointAt;
    for (const auto &checkpoint : *checkpoints)
        checkpointAt.emplace(checkpoint.seq, &checkpoint);

    // Entries up to the break are trustworthy, so each checkpoint entry among them must still
    // have its signed checkpoint, under the key it recorded.
    for (const auto &entry : *entries) {
        if (entry.seq >= earliest.seq)
            break;
        if (entry.action != "audit.checkpoint" || entry.outcome != "ok")
            continue;
        const auto found = checkpointAt.find(entry.seq);
        if (found == checkpointAt.end())
            keepEarliest(earliest, entry.seq,
                         "the checkpoint signed at " + entryName(entry.seq) + " was removed");
        else if (lowercase(found->second->publicKey) != lowercase(recordedPublicKey(entry)))
            keepEarliest(earliest, entry.seq,
                         "the checkpoint at " + entryName(entry.seq) +
                             " was replaced: it is signed by key " +
                             shortKey(found->second->publicKey) + ", the entry recorded " +
                             shortKey(recordedPublicKey(entry)));
    }

    ChainVerdict verdict;
    verdict.entries = static_cast<std::int64_t>(entries->size());
    bool trustedKeySeen = false;
    for (const auto &checkpoint : *checkpoints) {
        if (checkpoint.seq >= earliest.seq)
            break;
        const std::string name = "checkpoint at " + entryName(checkpoint.seq);
        if (!signatureValid(checkpointMessage(checkpoint.seq, checkpoint.hash),
                            checkpoint.signature, checkpoint.publicKey)) {
            keepEarliest(earliest, checkpoint.seq, name + " has an invalid signature");
            break;
        }
        if (trusted && lowercase(checkpoint.publicKey) != *trusted) {
            keepEarliest(earliest, checkpoint.seq,
                         name + " is signed by key " + shortKey(checkpoint.publicKey) +
                             ", not by the trusted key " + shortKey(*trusted));
            break;
        }
        if (checkpoint.seq > lastSeq) {
            keepEarliest(earliest, lastSeq + 1,
                         "entries after " + entryName(lastSeq) +
                             " were deleted: a checkpoint signed " + "the log up to " +
                             entryName(checkpoint.seq) + ", but it ends at " + entryName(lastSeq));
            break;
        }
        const auto entry = entryAt.find(checkpoint.seq);
        if (entry == entryAt.end() || entry->second->hash != checkpoint.hash) {
            keepEarliest(earliest, checkpoint.seq,
                         entryName(checkpoint.seq) + " no longer has the hash its checkpoint " +
                             "signed: the log up to " + entryName(checkpoint.seq) +
                             " was rewritten");
            break;
        }
        trustedKeySeen = true;
        ++verdict.checkpoints;
        verdict.lastCheckpointSeq = checkpoint.seq;
    }

    if (earliest.seq != kNoBreak) {
        verdict.intact = false;
        verdict.firstBroken = earliest.seq;
        verdict.problem = earliest.text;
    } else if (trusted && !entries->empty() && !trustedKeySeen) {
        verdict.intact = false;
        verdict.problem = "no checkpoint is signed by the trusted key " + shortKey(*trusted) +
                          ": nothing vouches for the log";
    }
    return verdict;
}

} // namespace assay::govern
