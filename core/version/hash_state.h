#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace assay::workspace {
class Database;
}

namespace assay::version {

// What DVC's state trusts: a file whose inode, size and mtime are unchanged has its old hash.
struct FileStamp {
    std::int64_t inode = 0;
    std::int64_t size = 0;
    std::int64_t mtimeNs = 0;

    bool operator==(const FileStamp &) const = default;
};

Result<FileStamp> stampOf(const std::filesystem::path &file);

// The `hash_state` table of the workspace database, read once into memory; new hashes are
// written back in one transaction by save(). Without a database it remembers nothing.
class HashState {
public:
    explicit HashState(workspace::Database *database = nullptr) : m_database(database) {}

    Status load();
    // The stored hash of `relativePath` when its stamp is unchanged.
    std::optional<std::string> lookup(const std::string &relativePath, std::string_view hashName,
                                      const FileStamp &stamp) const;
    void remember(const std::string &relativePath, std::string_view hashName,
                  const FileStamp &stamp, const std::string &md5);
    Status save();

    // A folder's `.dir` hash, trusted while the digest of its listing (every file's path,
    // inode, size and mtime) is unchanged, as DVC's state does for directories. Works without
    // load(): one row is read.
    std::optional<std::string> lookupFolder(const std::string &relativeDir,
                                            std::string_view hashName,
                                            const FileStamp &listingStamp);
    void rememberFolder(const std::string &relativeDir, std::string_view hashName,
                        const FileStamp &listingStamp, const std::string &dirMd5);

private:
    struct Row {
        FileStamp stamp;
        std::string md5;
    };
    using Rows = std::unordered_map<std::string, Row>; // by path
    Rows &rowsOf(std::string_view hashName);

    workspace::Database *m_database;
    bool m_loaded = false;
    std::vector<std::pair<std::string, Rows>> m_byHashName;     // few hash names
    std::vector<std::pair<std::string, std::string>> m_pending; // (hash name, path)
};

} // namespace assay::version
