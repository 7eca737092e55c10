#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace assay::table {

// Random-access bytes the readers parse: a file (read with pread, never mapped, so memory
// stays bounded by the blocks in flight) or a caller's buffer.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual std::uint64_t size() const = 0;
    // Copies up to `length` bytes starting at `offset` to `out`; fewer only at the end.
    virtual Result<std::size_t> read(std::uint64_t offset, char *out, std::size_t length) const = 0;

    // Appends up to `length` bytes starting at `offset` to `out`.
    Status readInto(std::uint64_t offset, std::size_t length, std::string &out) const;
};

class FileByteSource final : public ByteSource {
public:
    ~FileByteSource() override;
    FileByteSource(const FileByteSource &) = delete;
    FileByteSource &operator=(const FileByteSource &) = delete;

    static Result<std::unique_ptr<FileByteSource>> open(const std::filesystem::path &path);

    std::uint64_t size() const override { return m_size; }
    Result<std::size_t> read(std::uint64_t offset, char *out, std::size_t length) const override;

private:
    FileByteSource(int fd, std::uint64_t size, std::string name)
        : m_fd(fd), m_size(size), m_name(std::move(name)) {}

    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::string m_name;
};

class BufferByteSource final : public ByteSource {
public:
    explicit BufferByteSource(std::string_view bytes) : m_bytes(bytes) {}

    std::uint64_t size() const override { return m_bytes.size(); }
    Result<std::size_t> read(std::uint64_t offset, char *out, std::size_t length) const override;

private:
    std::string_view m_bytes;
};

} // namespace assay::table
