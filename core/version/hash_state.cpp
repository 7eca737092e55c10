#include "version/hash_state.h"

#include "version/file_hash.h"
#include "workspace/database.h"

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace assay::version {

Result<FileStamp> stampOf(const std::filesystem::path &file)
{
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0)
        return Error::notFound(file.string() + ": " + std::strerror(errno));
    return FileStamp{
        static_cast<std::int64_t>(info.st_ino), static_cast<std::int64_t>(info.st_size),
        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

HashState::Rows &HashState::rowsOf(std::string_view hashName)
{
    for (auto &[name, rows] : m_byHashName) {
        if (name == hashName)
            return rows;
    }
    return m_byHashName.emplace_back(std::string(hashName), Rows{}).second;
}

Status HashState::load()
{
    if (!m_database || m_loaded)
        return {};
    if (auto count = m_database->prepare("SELECT count(*) FROM hash_state")) {
        if (auto row = count->step(); row.ok() && *row)
            rowsOf(kMd5).reserve(static_cast<std::size_t>(count->columnInt(0)));
    }
    auto statement =
        m_database->prepare("SELECT path, hash_name, inode, size, mtime_ns, md5 FROM hash_state");
    if (!statement)
        return statement.error();
    for (;;) {
        auto row = statement->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        rowsOf(statement->columnText(1))[statement->columnText(0)] =
            Row{{statement->columnInt(2), statement->columnInt(3), statement->columnInt(4)},
                statement->columnText(5)};
    }
    m_loaded = true;
    return {};
}

std::optional<std::string> HashState::lookup(const std::string &relativePath,
                                             std::string_view hashName,
                                             const FileStamp &stamp) const
{
    for (const auto &[name, rows] : m_byHashName) {
        if (name != hashName)
            continue;
        const auto found = rows.find(relativePath);
        if (found == rows.end() || !(found->second.stamp == stamp))
            return std::nullopt;
        return found->second.md5;
    }
    return std::nullopt;
}

void HashState::remember(const std::string &relativePath, std::string_view hashName,
                         const FileStamp &stamp, const std::string &md5)
{
    if (!m_database)
        return;
    rowsOf(hashName)[relativePath] = Row{stamp, md5};
    m_pending.emplace_back(std::string(hashName), relativePath);
}

// Folder rows live in the same table under "<folder>/", a path no file can have.
std::optional<std::string> HashState::lookupFolder(const std::string &relativeDir,
                                                   std::string_view hashName,
                                                   const FileStamp &listingStamp)
{
    const std::string key = relativeDir + "/";
    if (m_loaded || !m_database)
        return lookup(key, hashName, listingStamp);
    auto statement = m_database->prepare("SELECT inode, size, mtime_ns, md5 FROM hash_state "
                                         "WHERE path = ? AND hash_name = ?");
    if (!statement)
        return std::nullopt;
    statement->bind(1, std::string_view(key)).bind(2, hashName);
    auto row = statement->step();
    if (!row.ok() || !*row)
        return std::nullopt;
    const FileStamp stored{statement->columnInt(0), statement->columnInt(1),
                           statement->columnInt(2)};
    if (!(stored == listingStamp))
        return std::nullopt;
    return statement->columnText(3);
}

void HashState::rememberFolder(const std::string &relativeDir, std::string_view hashName,
                               const FileStamp &listingStamp, const std::string &dirMd5)
{
    remember(relativeDir + "/", hashName, listingStamp, dirMd5);
}

Status HashState::save()
{
    if (!m_database || m_pending.empty())
        return {};
    Status saved = m_database->transaction([&]() -> Status {
        auto statement = m_database->prepare(
            "INSERT INTO hash_state(path, hash_name, inode, size, mtime_ns, md5) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(path, hash_name) DO UPDATE SET "
            "inode = excluded.inode, size = excluded.size, mtime_ns = excluded.mtime_ns, "
            "md5 = excluded.md5");
        if (!statement)
            return statement.error();
        for (const auto &[hashName, path] : m_pending) {
            const Row &row = rowsOf(hashName).at(path);
            statement->reset();
            statement->bind(1, std::string_view(path))
                .bind(2, std::string_view(hashName))
                .bind(3, row.stamp.inode)
                .bind(4, row.stamp.size)
                .bind(5, row.stamp.mtimeNs)
                .bind(6, std::string_view(row.md5));
            ASSAY_TRY(statement->run());
        }
        return {};
    });
    if (saved.ok())
        m_pending.clear();
    return saved;
}

} // namespace assay::version
