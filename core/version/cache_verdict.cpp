#include "version/cache_verdict.h"

#include <chrono>
#include <sys/stat.h>

namespace assay::version {

namespace {

constexpr std::int64_t kSettledNs = 3'000'000'000;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// One stamp for the 512 folders objects live in (DVC 3's files/md5/XX and the legacy XX):
// how many exist and a digest of their inodes and mtimes.
FileStamp foldersStamp(const std::filesystem::path &root, bool &settled)
{
    constexpr char kHex[] = "0123456789abcdef";
    const auto cache = root / ".dvc" / "cache";
    const std::int64_t settledBefore = nowNs() - kSettledNs;
    std::uint64_t digest = 0xcbf29ce484222325ULL;
    const auto mix = [&digest](std::uint64_t value) {
        digest ^= value;
        digest *= 0x100000001b3ULL;
        digest ^= digest >> 29;
    };
    std::int64_t existing = 0;
    settled = true;
    for (const auto &base : {cache / "files" / "md5", cache}) {
        for (int prefix = 0; prefix < 256; ++prefix) {
            const char name[3] = {kHex[prefix / 16], kHex[prefix % 16], '\0'};
            struct stat info {};
            if (::stat((base / name).c_str(), &info) != 0)
                continue;
            const std::int64_t mtime =
                static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
            ++existing;
            mix(static_cast<std::uint64_t>(prefix));
            mix(static_cast<std::uint64_t>(info.st_ino));
            mix(static_cast<std::uint64_t>(mtime));
            settled = settled && mtime < settledBefore;
        }
    }
    return {0, existing, static_cast<std::int64_t>(digest >> 1)};
}

} // namespace

CacheVerdicts::CacheVerdicts(std::filesystem::path root, HashState &state)
    : m_root(std::move(root)), m_state(state)
{
    m_foldersStamp = foldersStamp(m_root, m_settled);
}

bool CacheVerdicts::holds(const std::string &md5, const std::string &hashName,
                          const std::function<bool()> &check)
{
    // Stored like a folder row under the cache's own path, which no tracked output can have.
    const std::string key = ".dvc/cache/" + md5;
    if (m_state.lookupFolder(key, hashName, m_foldersStamp) == md5)
        return true;
    if (!check())
        return false;
    if (m_settled)
        m_state.rememberFolder(key, hashName, m_foldersStamp, md5);
    return true;
}

} // namespace assay::version
