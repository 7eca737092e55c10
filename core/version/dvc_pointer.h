#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace assay::version {

// The single output of a `.dvc` pointer file as `dvc add` writes it.
struct DvcOutput {
    std::string md5;                 // 32 hex, plus ".dir" for directories
    std::uint64_t size = 0;
    std::optional<std::uint64_t> nfiles; // directories only
    bool isExecutable = false;
    std::string hashName = "md5";    // "md5-dos2unix" for legacy DVC 2 pointers (no `hash` key)
    std::string path;                // posix path relative to the pointer file's folder
};

// The exact bytes DVC 3 writes for one output (key order md5, size, nfiles, isexec, hash, path).
std::string serializeDvcFile(const DvcOutput &output);

// Reads the first output of a pointer file; errors name the file and the key.
Result<DvcOutput> readDvcFile(const std::filesystem::path &pointerFile);

// True for directory outputs (oid ending in ".dir").
inline bool isDirectoryOid(const std::string &oid)
{
    return oid.size() > 4 && oid.compare(oid.size() - 4, 4, ".dir") == 0;
}

// The same for pointer text from elsewhere (a git blob); `displayName` stands for the file.
Result<DvcOutput> parseDvcText(const std::string &text, const std::string &displayName);

} // namespace assay::version
