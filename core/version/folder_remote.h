#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "version/tracked_outputs.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace assay::version {

// The remote folder to use: `remoteDir` when given, else the default remote of
// `.dvc/config` / `.dvc/config.local` (`[core] remote = NAME`, `['remote "NAME"'] url = PATH`).
// Only local folders (plain paths or file:// URLs) are supported; others are a clear error.
Result<std::filesystem::path> resolveRemote(const std::filesystem::path &root,
                                            const std::optional<std::string> &remoteDir);

struct TransferProblem {
    std::string oid;
    std::string reason;
};

struct TransferReport {
    std::vector<std::string> transferred; // oids copied
    std::size_t alreadyThere = 0;
    std::uint64_t bytes = 0;
    std::vector<TransferProblem> problems; // missing or corrupted objects, not copied
    bool ok() const { return problems.empty(); }
};

// Copies the objects of `outputs` (folders: the `.dir` and its files) that the remote lacks
// into it, in DVC 3's remote layout `files/md5/<2>/<30>` (legacy outputs: `<2>/<30>`).
Result<TransferReport> pushObjects(const std::filesystem::path &root,
                                   const std::filesystem::path &remote,
                                   const std::vector<TrackedOutput> &outputs,
                                   const Progress &progress = {});

// Copies the objects of `outputs` the cache lacks from the remote, verifying each one's
// md5 before it enters the cache.
Result<TransferReport> pullObjects(const std::filesystem::path &root,
                                   const std::filesystem::path &remote,
                                   const std::vector<TrackedOutput> &outputs,
                                   const Progress &progress = {});

} // namespace assay::version
