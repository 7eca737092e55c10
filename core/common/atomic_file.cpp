#include "common/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace assay {

namespace {

std::string systemError(const std::filesystem::path &path, std::string_view action)
{
    return path.string() + ": cannot " + std::string(action) + ": " + std::strerror(errno);
}

} // namespace

Status writeFileAtomically(const std::filesystem::path &path, std::string_view bytes)
{
    std::filesystem::path temporary = path;
    temporary += ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error::io(systemError(temporary, "create"));

    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const Error error = Error::io(systemError(temporary, "write"));
            ::close(fd);
            ::unlink(temporary.c_str());
            return error;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const Error error = Error::io(systemError(temporary, "flush"));
        ::unlink(temporary.c_str());
        return error;
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const Error error = Error::io(systemError(path, "replace"));
        ::unlink(temporary.c_str());
        return error;
    }
    return {};
}

Result<std::string> readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error::notFound(path.string() + ": cannot open: " + std::strerror(errno));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        return Error::io(systemError(path, "read"));
    return bytes;
}

} // namespace assay
