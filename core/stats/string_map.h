#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace assay::stats {

// 64-bit hash of bytes (FNV-1a folded through a murmur finaliser): well mixed enough for
// HyperLogLog, and stable across runs and platforms.
inline std::uint64_t hashBytes(std::string_view bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return hashBytes(text); }
};

// Counts by string value, looked up by string_view without building a std::string.
using StringCountMap = std::unordered_map<std::string, std::uint64_t, StringHash, std::equal_to<>>;

} // namespace assay::stats
