#include "table/byte_source.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace assay::table {

FileByteSource::~FileByteSource()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<std::unique_ptr<FileByteSource>> FileByteSource::open(const std::filesystem::path &path)
{
    const std::string name = path.string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return Error::notFound(name + ": no such file");
        return Error::io(name + ": " + std::strerror(error));
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
        const int error = S_ISDIR(info.st_mode) ? EISDIR : errno;
        ::close(fd);
        return Error::io(name + ": " + std::strerror(error));
    }
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return std::unique_ptr<FileByteSource>(
        new FileByteSource(fd, static_cast<std::uint64_t>(info.st_size), name));
}

Status ByteSource::readInto(std::uint64_t offset, std::size_t length, std::string &out) const
{
    const std::size_t start = out.size();
    out.resize(start + length);
    Result<std::size_t> got = read(offset, out.data() + start, length);
    if (!got) {
        out.resize(start);
        return got.error();
    }
    out.resize(start + *got);
    return {};
}

Result<std::size_t> FileByteSource::read(std::uint64_t offset, char *out, std::size_t length) const
{
    if (offset >= m_size)
        return std::size_t{0};
    length = static_cast<std::size_t>(std::min<std::uint64_t>(length, m_size - offset));
    std::size_t done = 0;
    while (done < length) {
        const ssize_t got = ::pread(m_fd, out + done, length - done,
                                    static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return Error::io(m_name + ": " + std::strerror(errno));
        if (got == 0)
            break; // the file shrank while we read it
        done += static_cast<std::size_t>(got);
    }
    return done;
}

Result<std::size_t> BufferByteSource::read(std::uint64_t offset, char *out, std::size_t length) const
{
    if (offset >= m_bytes.size())
        return std::size_t{0};
    const std::string_view part = m_bytes.substr(static_cast<std::size_t>(offset), length);
    std::memcpy(out, part.data(), part.size());
    return part.size();
}

} // namespace assay::table
