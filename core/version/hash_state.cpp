#include "version/hash_state.h"

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
    return FileStamp{static_cast<std::int64_t>(info.st_ino), static_cast<std::int64_t>(info.st_size),
                     static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 +
                         info.st_mtim.tv_nsec};
}

std::string HashState::key(const std::string &relativePath, std::string_view hashName)
{
    std::string joined(hashName);
    joined += '\0';
    return joined + relativePath;
}

Status HashState::load()
{
    if (!m_database || m_loaded)
        return {};
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
        m_rows[key(statement->columnText(0), statement->columnText(1))] =
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
    const auto found = m_rows.find(key(relativePath, hashName));
    if (found == m_rows.end() || !(found->second.stamp == stamp))
        return std::nullopt;
    return found->second.md5;
}

void HashState::remember(const std::string &relativePath, std::string_view hashName,
                         const FileStamp &stamp, const std::string &md5)
{
    if (!m_database)
        return;
    std::string k = key(relativePath, hashName);
    Row &row = m_rows[k];
    row = Row{stamp, md5};
    m_pending.push_back(std::move(k));
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
        for (const std::string &k : m_pending) {
            const Row &row = m_rows.at(k);
            const std::size_t split = k.find('\0');
            statement->reset();
            statement->bind(1, std::string_view(k).substr(split + 1))
                .bind(2, std::string_view(k).substr(0, split))
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
