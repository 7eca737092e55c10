#include "version/parallel_hash.h"

#include "common/parallel_for.h"

#include "version/file_hash.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

namespace assay::version {

namespace fs = std::filesystem;

Result<std::vector<HashedFile>> hashFiles(const fs::path &root,
                                          const std::vector<std::string> &relativePaths,
                                          std::string_view hashName, HashState &state,
                                          const Progress &progress,
                                          const std::vector<FileStamp> *knownStamps)
{
    ASSAY_TRY(state.load());
    std::vector<HashedFile> hashed(relativePaths.size());
    std::vector<FileStamp> stamps(relativePaths.size());
    std::vector<std::size_t> toHash;
    for (std::size_t i = 0; i < relativePaths.size(); ++i) {
        if (knownStamps) {
            stamps[i] = (*knownStamps)[i];
        } else {
            auto stamp = stampOf(root / relativePaths[i]);
            if (!stamp)
                return stamp.error();
            stamps[i] = *stamp;
        }
        hashed[i].size = static_cast<std::uint64_t>(stamps[i].size);
        if (auto known = state.lookup(relativePaths[i], hashName, stamps[i])) {
            hashed[i].md5 = std::move(*known);
            hashed[i].fromState = true;
        } else {
            toHash.push_back(i);
        }
    }

    std::atomic<std::size_t> done{0};
    std::mutex errorMutex;
    std::optional<Error> firstError;
    parallelFor(toHash.size(), [&](std::size_t k) {
        if (progress.isCancelled())
            return;
        {
            std::lock_guard lock(errorMutex);
            if (firstError)
                return;
        }
        const std::size_t i = toHash[k];
        auto md5 = hashFile(root / relativePaths[i], hashName);
        if (!md5) {
            std::lock_guard lock(errorMutex);
            if (!firstError)
                firstError = md5.error();
            return;
        }
        hashed[i].md5 = std::move(*md5);
        const std::size_t finished = done.fetch_add(1) + 1;
        if (finished % 64 == 0 || finished == toHash.size())
            progress.report(static_cast<double>(finished) / static_cast<double>(toHash.size()),
                            "hashing");
    });
    if (progress.isCancelled())
        return Error::cancelled();
    if (firstError)
        return *firstError;
    for (const std::size_t i : toHash)
        state.remember(relativePaths[i], hashName, stamps[i], hashed[i].md5);
    return hashed;
}

} // namespace assay::version
