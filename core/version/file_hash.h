#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace assay::version {

// DVC's hash names: "md5" (3.x, raw bytes) and "md5-dos2unix" (2.x, CRLF folded in text).
inline constexpr std::string_view kMd5 = "md5";
inline constexpr std::string_view kMd5Dos2Unix = "md5-dos2unix";

// Lower-case hex MD5 of a file's raw bytes, read in 1 MiB blocks (DVC 3's `md5` hash).
Result<std::string> md5OfFile(const std::filesystem::path &path, const Progress &progress = {});

// The file's hash under `hashName` ("md5" or "md5-dos2unix"); other names are refused.
Result<std::string> hashFile(const std::filesystem::path &path, std::string_view hashName,
                             const Progress &progress = {});

// Lower-case hex MD5 of bytes in memory.
std::string md5OfBytes(std::string_view bytes);

// How many files this process has hashed so far: tests use it to prove a cache hit.
std::uint64_t filesHashedSoFar();

} // namespace assay::version
