#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace assay::version {

// Answers "does the cache hold this object?" for many objects by listing each `<2 hex>`
// folder of both layouts once, instead of one stat per object (100k-file folders).
class CacheIndex {
public:
    explicit CacheIndex(std::filesystem::path root) : m_root(std::move(root)) {}

    bool contains(const std::string &oid);

private:
    // Plain md5 objects as 128-bit keys (sorted); anything else (`.dir`) by name.
    struct Folder {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> md5s;
        std::vector<std::string> others;
    };
    const Folder &folder(int layout, int prefix);

    std::filesystem::path m_root;
    std::array<std::array<std::unique_ptr<Folder>, 256>, 2> m_folders; // [layout][prefix]
};

} // namespace assay::version
