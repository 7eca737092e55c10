#include "version/cache_object.h"

#include "common/atomic_file.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <vector>

namespace assay::version {

namespace fs = std::filesystem;

namespace {

constexpr fs::perms kReadOnly =
    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;

fs::path temporaryBeside(const fs::path &target)
{
    static std::atomic<unsigned> counter{0};
    fs::path temporary = target;
    temporary += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
    return temporary;
}

// Clones when the file system shares extents (btrfs, xfs), else copies the bytes.
Status cloneOrCopy(const fs::path &source, const fs::path &target)
{
    const int in = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return Error::io(source.string() + ": cannot open: " + std::strerror(errno));
    const int out = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (out < 0) {
        const std::string reason = std::strerror(errno);
        ::close(in);
        return Error::io(target.string() + ": cannot create: " + reason);
    }
    bool ok = ::ioctl(out, FICLONE, in) == 0;
    if (!ok) {
        std::vector<char> block(1 << 20);
        ok = true;
        for (;;) {
            const ssize_t n = ::read(in, block.data(), block.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                ok = n == 0;
                break;
            }
            for (ssize_t written = 0; ok && written < n;) {
                const ssize_t w =
                    ::write(out, block.data() + written, static_cast<std::size_t>(n - written));
                if (w < 0 && errno == EINTR)
                    continue;
                ok = w > 0;
                written += w > 0 ? w : 0;
            }
            if (!ok)
                break;
        }
    }
    const std::string reason = ok ? std::string() : std::strerror(errno);
    ::close(in);
    if (::close(out) != 0 && ok)
        return Error::io(target.string() + ": cannot write: " + std::strerror(errno));
    if (!ok)
        return Error::io(source.string() + " -> " + target.string() + ": copy failed: " + reason);
    return {};
}

} // namespace

fs::path legacyCacheObjectPath(const fs::path &root, const std::string &oid)
{
    return root / ".dvc" / "cache" / oid.substr(0, 2) / oid.substr(2);
}

std::optional<fs::path> findCacheObject(const fs::path &root, const std::string &oid,
                                        std::string_view hashName)
{
    if (oid.size() < 3)
        return std::nullopt;
    fs::path candidates[] = {cacheObjectPath(root, oid), legacyCacheObjectPath(root, oid)};
    if (hashName == kMd5Dos2Unix)
        std::swap(candidates[0], candidates[1]);
    std::error_code error;
    for (const fs::path &candidate : candidates) {
        if (fs::is_regular_file(candidate, error))
            return candidate;
    }
    return std::nullopt;
}

Result<bool> objectMatchesName(const fs::path &object, const std::string &oid,
                               std::string_view hashName, const Progress &progress)
{
    const bool isDir = oid.ends_with(".dir");
    auto actual = isDir ? md5OfFile(object, progress) : hashFile(object, hashName, progress);
    if (!actual)
        return actual.error();
    return *actual == (isDir ? oid.substr(0, oid.size() - 4) : oid);
}

Status copyFileAtomically(const fs::path &source, const fs::path &target, fs::perms mode)
{
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    if (error)
        return Error::io(target.parent_path().string() + ": cannot create: " + error.message());
    const fs::path temporary = temporaryBeside(target);
    if (Status copied = cloneOrCopy(source, temporary); !copied.ok()) {
        fs::remove(temporary, error);
        return copied;
    }
    fs::permissions(temporary, mode, error);
    if (::rename(temporary.c_str(), target.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        fs::remove(temporary, error);
        return Error::io(target.string() + ": cannot replace: " + reason);
    }
    return {};
}

Result<bool> storeObject(const fs::path &source, const fs::path &object)
{
    std::error_code error;
    if (fs::exists(object, error))
        return false;
    ASSAY_TRY(copyFileAtomically(source, object, kReadOnly));
    return true;
}

Status storeObjectBytes(std::string_view bytes, const fs::path &object)
{
    std::error_code error;
    if (fs::exists(object, error))
        return {};
    fs::create_directories(object.parent_path(), error);
    if (error)
        return Error::io(object.parent_path().string() + ": cannot create: " + error.message());
    ASSAY_TRY(writeFileAtomically(object, bytes));
    fs::permissions(object, kReadOnly, error);
    return {};
}

} // namespace assay::version
