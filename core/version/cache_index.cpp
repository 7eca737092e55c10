#include "version/cache_index.h"

#include <algorithm>
#include <dirent.h>
#include <optional>
#include <string_view>

namespace assay::version {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// The 120 bits of a 30-hex object name (the 2-hex folder is the rest of the md5).
std::optional<std::pair<std::uint64_t, std::uint64_t>> keyOf(std::string_view rest)
{
    if (rest.size() != 30)
        return std::nullopt;
    std::uint64_t high = 0;
    std::uint64_t low = 0;
    for (std::size_t i = 0; i < 30; ++i) {
        const int value = hexValue(rest[i]);
        if (value < 0)
            return std::nullopt;
        std::uint64_t &word = i < 15 ? high : low;
        word = (word << 4) | static_cast<std::uint64_t>(value);
    }
    return std::make_pair(high, low);
}

} // namespace

bool CacheIndex::contains(const std::string &oid)
{
    if (oid.size() < 3)
        return false;
    const int high = hexValue(oid[0]);
    const int low = hexValue(oid[1]);
    if (high < 0 || low < 0)
        return false;
    const std::string_view rest = std::string_view(oid).substr(2);
    const auto key = keyOf(rest);
    for (int layout = 0; layout < 2; ++layout) {
        const Folder &names = folder(layout, high * 16 + low);
        if (key ? std::binary_search(names.md5s.begin(), names.md5s.end(), *key)
                : std::find(names.others.begin(), names.others.end(), rest) != names.others.end())
            return true;
    }
    return false;
}

const CacheIndex::Folder &CacheIndex::folder(int layout, int prefix)
{
    auto &slot = m_folders[static_cast<std::size_t>(layout)][static_cast<std::size_t>(prefix)];
    if (slot)
        return *slot;
    slot = std::make_unique<Folder>();
    constexpr char kHex[] = "0123456789abcdef";
    const std::string two{kHex[prefix / 16], kHex[prefix % 16]};
    const auto cache = m_root / ".dvc" / "cache";
    const auto path = (layout == 0 ? cache / "files" / "md5" : cache) / two;
    if (DIR *dir = ::opendir(path.c_str())) {
        while (const dirent *entry = ::readdir(dir)) {
            const std::string_view name = entry->d_name;
            if (name.empty() || name.front() == '.')
                continue;
            if (const auto key = keyOf(name))
                slot->md5s.push_back(*key);
            else
                slot->others.emplace_back(name);
        }
        ::closedir(dir);
    }
    std::sort(slot->md5s.begin(), slot->md5s.end());
    return *slot;
}

} // namespace assay::version
