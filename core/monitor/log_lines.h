#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace assay::monitor {

// Reads a file line by line through a fixed buffer (lines longer than it grow it), so memory
// stays bounded whatever the file's size. Lines are handed out without their '\n'.
class LineSource {
public:
    explicit LineSource(const std::filesystem::path &path);
    ~LineSource();
    LineSource(const LineSource &) = delete;
    LineSource &operator=(const LineSource &) = delete;

    bool isOpen() const { return m_file != nullptr; }
    // False at the end of the file (or on a read error: see failed()).
    bool next(std::string_view &line);
    bool failed() const { return m_failed; }
    std::uint64_t bytesRead() const { return m_consumed; }

private:
    bool refill();

    std::FILE *m_file = nullptr;
    std::string m_buffer;
    std::size_t m_begin = 0; // first unread byte
    std::size_t m_end = 0;   // one past the last byte read
    std::uint64_t m_consumed = 0;
    bool m_eof = false;
    bool m_failed = false;
};

// Splits one CSV/TSV line into fields (double quotes, "" inside quotes); fields are views into
// `line` unless they held "" escapes, in which case they are decoded into `scratch`.
void splitCsvLine(std::string_view line, char delimiter, std::vector<std::string_view> &fields,
                  std::vector<std::string> &scratch);

} // namespace assay::monitor
