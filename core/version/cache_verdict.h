#pragma once

#include "version/hash_state.h"

#include <filesystem>
#include <functional>
#include <string>

namespace assay::version {

// Remembers that every object of an output (named by its md5) is in the cache, in the state
// table, for as long as none of the cache's object folders changed: adding or removing an
// object changes its folder's mtime. A status of an unchanged tree then neither lists the
// cache's folders nor reads the `.dir` manifest again. A verdict is only remembered when every
// folder's mtime is a few seconds old, since a change within the file system's timestamp
// granularity after the check could otherwise keep the same mtime (git's "racy" entries).
class CacheVerdicts {
public:
    CacheVerdicts(std::filesystem::path root, HashState &state);

    // True when `md5`'s objects are all in the cache: remembered, or `check()` says so now.
    bool holds(const std::string &md5, const std::string &hashName, const std::function<bool()> &check);

private:
    std::filesystem::path m_root;
    HashState &m_state;
    FileStamp m_foldersStamp;
    bool m_settled = false;
};

} // namespace assay::version
