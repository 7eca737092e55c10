#pragma once

#include "common/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace assay::version {

// One file of a tracked directory, as listed in its `.dir` object.
struct ManifestEntry {
    std::string md5;     // 32 hex
    std::string relpath; // UTF-8, components joined by '/'

    bool operator==(const ManifestEntry &) const = default;
};

// Sorts entries by the bytes of `relpath`, as DVC's Tree.as_list does.
void sortManifest(std::vector<ManifestEntry> &entries);

// The exact bytes DVC writes for a (sorted) manifest: json.dumps(list, sort_keys=True)
// with ensure_ascii, no trailing newline.
std::string serializeManifest(const std::vector<ManifestEntry> &sortedEntries);

// "<md5 of the serialised bytes>.dir".
std::string manifestHash(std::string_view serialized);

// Reads a `.dir` object (any JSON whitespace); errors name `sourceName`.
Result<std::vector<ManifestEntry>> parseManifest(std::string_view bytes,
                                                 const std::string &sourceName);

// Only the md5s of a `.dir` object, found by a scan that skips building JSON values (the
// cache check of `data status` on 100k-file folders); falls back to parseManifest.
Result<std::vector<std::string>> manifestMd5s(std::string_view bytes,
                                              const std::string &sourceName);

// Python's json.dumps string with ensure_ascii=True, quotes included.
std::string pythonJsonString(std::string_view utf8);

} // namespace assay::version
