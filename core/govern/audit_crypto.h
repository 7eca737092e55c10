#pragma once

// The hashing and signing primitives of the audit chain (libsodium), shared by appending,
// verifying and checkpointing.
#include "common/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace assay::govern {

// The previous hash of the first entry: 64 zeros.
const std::string &genesisHash();

// Lowercase hex of SHA-256(bytes).
std::string sha256Hex(std::string_view bytes);

std::string toHex(std::string_view bytes);
// nullopt when `hex` is not an even number of hex digits.
std::optional<std::string> fromHex(std::string_view hex);

// The bytes a checkpoint signs (see audit_log.h).
std::string checkpointMessage(std::int64_t seq, const std::string &hash);

// Ed25519 detached signature (hex) of `message` with a 64-byte secret key (raw bytes).
std::string signMessage(std::string_view message, const std::string &secretKey);
// True when `signatureHex` is a valid signature of `message` under `publicKeyHex`; false for
// any malformed input.
bool signatureValid(std::string_view message, const std::string &signatureHex,
                    const std::string &publicKeyHex);

// The current time as ISO 8601 UTC with milliseconds, e.g. 2026-11-26T21:40:00.123Z.
std::string auditNow();

} // namespace assay::govern
