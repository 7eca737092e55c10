#pragma once

// The Ed25519 key file that signs audit checkpoints (format in audit_log.h).
#include "common/result.h"

#include <filesystem>
#include <string>

namespace assay::govern {

struct AuditKey {
    std::string publicKey; // 32 raw bytes
    std::string secretKey; // 64 raw bytes (libsodium's seed || public key)
};

// Reads and checks the key file: both lines present, the right sizes, and the public key
// the one the secret key derives. Errors name the file.
Result<AuditKey> loadAuditKey(const std::filesystem::path &keyFile);

} // namespace assay::govern
