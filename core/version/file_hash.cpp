#include "version/file_hash.h"

#include "version/legacy_hash.h"

#include <QCryptographicHash>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace assay::version {

namespace {

std::atomic<std::uint64_t> g_filesHashed{0};

constexpr std::size_t kBlockSize = 1 << 20;

} // namespace

Result<std::string> md5OfFile(const std::filesystem::path &path, const Progress &progress)
{
    g_filesHashed.fetch_add(1, std::memory_order_relaxed);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error::notFound(path.string() + ": cannot open: " + std::strerror(errno));
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    std::error_code sizeError;
    const auto total = std::filesystem::file_size(path, sizeError);

    QCryptographicHash hash(QCryptographicHash::Md5);
    const auto block = std::make_unique<char[]>(kBlockSize);
    std::uintmax_t done = 0;
    for (;;) {
        const ssize_t n = ::read(fd, block.get(), kBlockSize);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const std::string reason = std::strerror(errno);
            ::close(fd);
            return Error::io(path.string() + ": read failed: " + reason);
        }
        if (n == 0)
            break;
        hash.addData(QByteArrayView(block.get(), n));
        done += static_cast<std::uintmax_t>(n);
        if (progress.isCancelled()) {
            ::close(fd);
            return Error::cancelled();
        }
        if (total > kBlockSize)
            progress.report(static_cast<double>(done) / static_cast<double>(total), "hashing");
    }
    ::close(fd);
    return hash.result().toHex().toStdString();
}

Result<std::string> hashFile(const std::filesystem::path &path, std::string_view hashName,
                             const Progress &progress)
{
    if (hashName == kMd5)
        return md5OfFile(path, progress);
    if (hashName == kMd5Dos2Unix) {
        g_filesHashed.fetch_add(1, std::memory_order_relaxed);
        return md5Dos2UnixOfFile(path, progress);
    }
    return Error::invalidInput(path.string() + ": unsupported hash '" + std::string(hashName) +
                               "' (Assay knows md5 and md5-dos2unix)");
}

std::string md5OfBytes(std::string_view bytes)
{
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                    QCryptographicHash::Md5)
        .toHex()
        .toStdString();
}

std::uint64_t filesHashedSoFar()
{
    return g_filesHashed.load(std::memory_order_relaxed);
}

} // namespace assay::version
