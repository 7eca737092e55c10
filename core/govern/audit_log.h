#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace assay::workspace {
class Database;
}

namespace assay::govern {

// What an action did, before it is chained. `action` is a dotted verb from a fixed vocabulary
// ("data.add", "data.commit", "data.checkout", "data.gc", "run.create", "run.write",
// "run.delete", "run.restore", "run.import", "schema.save", "registry.register",
// "registry.promote", "registry.alias", "registry.gate", "card.edit", "report.export",
// "user.add", "user.role", "user.password", "user.remove", "user.manage", "privacy.budget",
// "privacy.release", "audit.checkpoint"); `object` names what it acted on (a path, a run id,
// "model:3", a user).
struct AuditRecord {
    std::string actor;
    std::string action;
    std::string object;
    bool refused = false;           // the attempt was refused; outcome "refused" instead of "ok"
    std::string detailsJson = "{}"; // a JSON object; stored in canonical form (sorted keys)
};

// One stored entry of the chain.
//
// Canonical bytes of an entry: the seven fields seq (decimal ASCII, no sign or leading zeros),
// time, actor, action, object, outcome and details, in that order, each written as its byte
// length (8 bytes, unsigned, big-endian) followed by its UTF-8 bytes. The length prefix keeps
// any field from bleeding into the next, whatever bytes it holds.
// hash = lowercase hex of SHA-256(prevHash as 64 ASCII hex digits || canonical bytes).
// Details are stored as QJsonDocument's compact form of a QJsonObject (keys sorted at every
// level), so the same details written with keys in another order hash the same.
struct AuditEntry {
    std::int64_t seq = 0; // 1, 2, 3… without gaps
    std::string time;     // ISO 8601 UTC with milliseconds, e.g. 2026-11-26T21:40:00.123Z
    std::string actor;
    std::string action;
    std::string object;
    std::string outcome;  // "ok" or "refused"
    std::string details;  // canonical JSON object
    std::string prevHash; // hex SHA-256 of the previous entry; 64 zeros for the first
    std::string hash;     // hex SHA-256 over prevHash and the entry's canonical bytes
};

// Appends one entry at the end of the chain. Runs inside the caller's transaction when there
// is one (so the entry commits or rolls back with the change it records), else in its own
// BEGIN IMMEDIATE transaction, so two processes never take the same seq.
// InvalidInput when detailsJson is not a JSON object or the action is empty.
Status appendAudit(workspace::Database &database, const AuditRecord &record);

// The canonical bytes and the hash defined above, for verifiers and tests.
std::string auditCanonicalBytes(const AuditEntry &entry);
std::string auditEntryHash(const AuditEntry &entry); // uses entry.prevHash
// detailsJson in canonical form; InvalidInput naming the text when it is not a JSON object.
Result<std::string> canonicalAuditDetails(const std::string &detailsJson);

struct AuditQuery {
    // Entries at or after this ISO 8601 time or date ("2026-11-26", "2026-11-26T14:30",
    // "2026-11-26 14:30:05.250Z", "…+02:00"); without a zone it is local time.
    // InvalidInput when it is none of these.
    std::optional<std::string> since = std::nullopt;
    // The exact action, or a prefix ending in '.' ("registry.").
    std::optional<std::string> action = std::nullopt;
    std::optional<std::string> actor = std::nullopt;
    std::optional<std::string> object = std::nullopt; // exact object
    std::size_t limit = 0; // 0: all; else the newest `limit`, still in seq order
};

// Entries in seq order.
Result<std::vector<AuditEntry>> readAudit(workspace::Database &database,
                                          const AuditQuery &query = {});

// The result of walking the chain from the first entry.
struct ChainVerdict {
    bool intact = true;
    std::int64_t entries = 0;                // entries in the log
    std::optional<std::int64_t> firstBroken; // seq of the first entry that does not verify
    // What is wrong, naming the entry: "entry 7 was edited: its contents no longer match its
    // hash", "entry 12 is missing (the log goes from entry 11 to entry 13)".
    std::string problem;
    std::int64_t checkpoints = 0; // signed checkpoints that verified, before any problem
    std::optional<std::int64_t> lastCheckpointSeq;
};

// Walks the chain in seq order and stops at the first entry that does not verify:
//   missing   — a gap in seq ("entry 12 is missing"),
//   reordered — its prevHash is the hash of an entry that comes later,
//   inserted  — it follows the same entry as the entry before it (two entries claim one
//               predecessor: the earlier of them was inserted), or it starts out of sequence,
//   unlinked  — its prevHash is no entry's hash (something before it was removed or forged),
//   edited    — its fields no longer hash to its stored hash.
// Then checks each checkpoint up to that point: its Ed25519 signature over (seq, hash), that
// the entry at seq still has that hash, and that seq is not past the end of the log (the tail
// was cut). With `trustedPublicKey` (hex), checkpoints signed by any other key count as broken
// and a non-empty log with no checkpoint under that key is not intact. The earliest problem
// wins; `firstBroken` is its seq (for a cut tail, the first missing seq).
// InvalidInput when trustedPublicKey is not 64 hex digits.
Result<ChainVerdict> verifyAudit(workspace::Database &database,
                                 const std::optional<std::string> &trustedPublicKey = std::nullopt);

// Appends an "audit.checkpoint" entry (details: the public key) as `actor`, then signs the
// chain's head — that entry — with the Ed25519 secret key at `keyFile` (created with
// `createAuditKey` when missing) and stores the checkpoint, all in one transaction.
// The caller authorizes Action::SignCheckpoint first and passes the actor's name (the CLI's
// `assay audit checkpoint` does). The signed message is the ASCII text
// "assay-audit-checkpoint\n<seq>\n<hash>" (seq in decimal, hash in lowercase hex).
struct Checkpoint {
    std::int64_t seq = 0;
    std::string hash;
    std::string publicKey; // hex
    std::string time;      // when it was signed, ISO 8601 UTC
};
Result<Checkpoint> signCheckpoint(workspace::Database &database,
                                  const std::filesystem::path &keyFile, const std::string &actor);
// Stored checkpoints in seq order (signature not checked; verifyAudit does that).
Result<std::vector<Checkpoint>> readCheckpoints(workspace::Database &database);
// Writes a new Ed25519 key pair (secret key file mode 0600, its folder created 0700) and
// returns the public key in hex. Refuses (InvalidInput) to replace an existing file: losing
// the old key would make its checkpoints unverifiable under a pinned public key.
// The file is text: a comment line, "public-key: HEX" and "secret-key: HEX".
Result<std::string> createAuditKey(const std::filesystem::path &keyFile);
// The public key (hex) of the key file; errors name the file and what is wrong in it.
Result<std::string> auditPublicKey(const std::filesystem::path &keyFile);
// The default key location: $ASSAY_AUDIT_KEY, else $XDG_CONFIG_HOME/assay/audit-ed25519.key,
// else ~/.config/assay/audit-ed25519.key.
std::filesystem::path defaultAuditKeyPath();

} // namespace assay::govern
