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
// ("data.add", "data.commit", "run.create", "run.delete", "run.restore", "schema.save",
// "registry.register", "registry.promote", "registry.alias", "card.edit", "report.export",
// "user.add", "user.role", "user.password", "user.remove", "privacy.release",
// "audit.checkpoint"); `object` names what it acted on (a path, run id, "model:3", a user).
struct AuditRecord {
    std::string actor;
    std::string action;
    std::string object;
    bool refused = false;      // the attempt was refused; outcome "refused" instead of "ok"
    std::string detailsJson = "{}"; // a JSON object; stored in canonical form (sorted keys)
};

// One stored entry of the chain.
struct AuditEntry {
    std::int64_t seq = 0;   // 1, 2, 3… without gaps
    std::string time;       // ISO 8601 UTC with milliseconds, e.g. 2026-11-26T21:40:00.123Z
    std::string actor;
    std::string action;
    std::string object;
    std::string outcome;    // "ok" or "refused"
    std::string details;    // canonical JSON object
    std::string prevHash;   // hex SHA-256 of the previous entry; 64 zeros for the first
    std::string hash;       // hex SHA-256 over prevHash and the entry's canonical bytes
};

// Appends one entry at the end of the chain. Runs inside the caller's transaction when there
// is one (so the entry commits or rolls back with the change it records), else in its own.
Status appendAudit(workspace::Database &database, const AuditRecord &record);

struct AuditQuery {
    std::optional<std::string> since;  // entries at or after this ISO time (or date)
    std::optional<std::string> action; // exact action, or a prefix ending in '.' ("registry.")
    std::optional<std::string> actor;
    std::optional<std::string> object; // exact object
    std::size_t limit = 0;             // 0: all; else the newest `limit`, still in seq order
};

// Entries in seq order.
Result<std::vector<AuditEntry>> readAudit(workspace::Database &database, const AuditQuery &query = {});

// The result of walking the chain from the first entry.
struct ChainVerdict {
    bool intact = true;
    std::int64_t entries = 0;           // entries read
    std::optional<std::int64_t> firstBroken; // seq of the first entry that does not verify
    std::string problem;                // e.g. "entry 7 was edited (hash mismatch)", "entry 12 is missing"
    std::int64_t checkpoints = 0;       // signed checkpoints that verified
    std::optional<std::int64_t> lastCheckpointSeq;
};

// Walks the chain; checks every checkpoint's signature and that its (seq, hash) still matches.
// With `trustedPublicKey` (hex), checkpoints signed by any other key count as broken.
Result<ChainVerdict> verifyAudit(workspace::Database &database,
                                 const std::optional<std::string> &trustedPublicKey = std::nullopt);

// Signs the chain's current head with the Ed25519 secret key at `keyFile` (created with
// `createAuditKey` when missing) and stores the checkpoint; appends an "audit.checkpoint" entry.
struct Checkpoint {
    std::int64_t seq = 0;
    std::string hash;
    std::string publicKey; // hex
};
Result<Checkpoint> signCheckpoint(workspace::Database &database, const std::filesystem::path &keyFile,
                                  const std::string &actor);
// Writes a new Ed25519 key pair (secret key file mode 0600); returns the public key in hex.
Result<std::string> createAuditKey(const std::filesystem::path &keyFile);
// The default key location: $ASSAY_AUDIT_KEY, else ~/.config/assay/audit-ed25519.key.
std::filesystem::path defaultAuditKeyPath();

} // namespace assay::govern
