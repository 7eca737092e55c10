#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/dvc_pointer.h"
#include "version/hash_state.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace assay::version {

// An output's content as it is now in the work tree.
struct HashedOutput {
    DvcOutput output; // md5 (".dir" for folders), size, nfiles, isexec, hashName, path
    std::vector<std::pair<std::string, std::string>> files; // (path from root, md5)
    std::string manifest;                                   // the `.dir` bytes, for folders
    // True when the folder's listing was unchanged and the state gave its hash: then
    // `files` and `manifest` are empty (read the `.dir` object if they are needed).
    bool fromFolderState = false;
};

// Hashes the file or folder `relative` (from the workspace `root`) under `hashName`,
// trusting `state` for unchanged files and teaching it the new ones (not saved here).
// With `folderShortcut`, a folder whose listing is unchanged is not looked at file by file.
Result<HashedOutput> hashOutput(const std::filesystem::path &root, const std::string &relative,
                                const std::string &hashName, HashState &state,
                                const Progress &progress = {}, bool folderShortcut = false);

} // namespace assay::version
