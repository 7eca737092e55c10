#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace assay::monitor {

// A fast 64-bit hash of a log line's bytes (monitor_rows.line_hash, which makes ingest
// idempotent). Eight bytes per step, multiply-xorshift mixing; not cryptographic, and it need
// not be: a collision only drops one of two different lines that also share their item index.
// Stored as a signed 64-bit integer (SQLite's INTEGER).
inline std::int64_t lineHash(std::string_view bytes)
{
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
    constexpr std::uint64_t kMix = 0xD6E8FEB86659FD93ULL;
    std::uint64_t hash = 0x243F6A8885A308D3ULL ^ (bytes.size() * kMultiplier);
    const char *p = bytes.data();
    std::size_t left = bytes.size();
    while (left >= 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, 8);
        hash = (hash ^ (word * kMix)) * kMultiplier;
        hash ^= hash >> 31;
        p += 8;
        left -= 8;
    }
    if (left > 0) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, left);
        hash = (hash ^ (word * kMix)) * kMultiplier;
        hash ^= hash >> 31;
    }
    hash ^= hash >> 33;
    hash *= 0xFF51AFD7ED558CCDULL;
    hash ^= hash >> 33;
    hash *= 0xC4CEB9FE1A85EC53ULL;
    hash ^= hash >> 33;
    std::int64_t signedHash = 0;
    std::memcpy(&signedHash, &hash, sizeof hash);
    return signedHash;
}

} // namespace assay::monitor
