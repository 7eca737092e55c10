#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace assay::version {

// The legacy (DVC 2) cache path of an oid: `.dvc/cache/<2>/<30>`.
std::filesystem::path legacyCacheObjectPath(const std::filesystem::path &root,
                                            const std::string &oid);

// Where the object named `oid` lives: the 3.x layout for "md5" outputs, the legacy layout
// for "md5-dos2unix" ones; the other layout is tried second. Nullopt when in neither.
std::optional<std::filesystem::path> findCacheObject(const std::filesystem::path &root,
                                                     const std::string &oid,
                                                     std::string_view hashName);

// True when the object's content hashes to its name (`.dir` objects hash their raw bytes).
Result<bool> objectMatchesName(const std::filesystem::path &object, const std::string &oid,
                               std::string_view hashName, const Progress &progress = {});

// Copies `source` (reflink when the file system can) to `target` through a temporary name in
// the target's folder and renames it into place; `mode` is the new file's permissions.
Status copyFileAtomically(const std::filesystem::path &source, const std::filesystem::path &target,
                          std::filesystem::perms mode);

// Stores `source` as the read-only (0444) cache object `object`, unless it already exists.
// Returns true when it wrote the object.
Result<bool> storeObject(const std::filesystem::path &source, const std::filesystem::path &object);

// Stores bytes (a `.dir` manifest) as a read-only cache object, unless it already exists.
Status storeObjectBytes(std::string_view bytes, const std::filesystem::path &object);

} // namespace assay::version
