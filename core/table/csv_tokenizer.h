#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::table {

// Longest field the readers accept; longer ones are an error (a runaway quote, usually).
inline constexpr std::size_t kMaxFieldBytes = std::size_t{1} << 20;

// One field of a row, pointing into the tokenizer's bytes. For a quoted field `data` is
// the text between the quotes, still with doubled quotes when hasEscapedQuote is set.
struct FieldRef {
    const char *data = nullptr;
    std::uint32_t size = 0;
    bool quoted = false;
    bool hasEscapedQuote = false;

    std::string_view raw() const { return {data, size}; }
    // The field's value; unescapes into `scratch` only when needed.
    std::string_view text(std::string &scratch) const
    {
        return hasEscapedQuote ? unescaped(scratch) : raw(); // inline: called for every field
    }
    std::string_view unescaped(std::string &scratch) const;
    // Offset of the field's first byte (its opening quote when quoted) in `chunk`.
    std::size_t startIn(std::string_view chunk) const
    {
        return static_cast<std::size_t>(data - chunk.data()) - (quoted ? 1 : 0);
    }
};

// The first thing wrong with a row; `offset` is a byte offset in the tokenizer's input.
struct RowIssue {
    std::size_t offset = 0;
    std::string reason;
};

// Splits RFC 4180 text (starting at a row start) into rows of fields: quoted fields with
// doubled quotes and embedded newlines, CRLF or LF line ends, blank (empty or whitespace)
// lines skipped. A quote in the middle of an unquoted field is plain text. Malformed rows
// are still read to their end, so the row boundaries agree with findLastRowBoundary().
class CsvTokenizer {
public:
    CsvTokenizer(std::string_view bytes, char delimiter) : m_bytes(bytes), m_delimiter(delimiter) {}

    // Reads the next row into `fields`; false at the end of the input.
    bool nextRow(std::vector<FieldRef> &fields);

    std::size_t rowStart() const { return m_rowStart; }
    // Newlines before the row start (the row's line is this plus the chunk's first line).
    std::uint64_t rowStartNewlines() const { return m_rowStartNewlines; }
    // Offset just past the row's last field (before its line end).
    std::size_t rowContentEnd() const { return m_rowContentEnd; }
    // Offset just past the row's line end.
    std::size_t position() const { return m_pos; }
    // Newlines consumed so far, including quoted newlines and blank lines.
    std::uint64_t newlineCount() const { return m_newlines; }
    const std::optional<RowIssue> &issue() const { return m_issue; }

private:
    void setIssue(std::size_t offset, std::string reason)
    {
        if (!m_issue)
            m_issue = RowIssue{offset, std::move(reason)};
    }
    bool skipBlankLines();

    std::string_view m_bytes;
    char m_delimiter;
    std::size_t m_pos = 0;
    std::size_t m_rowStart = 0;
    std::size_t m_rowContentEnd = 0;
    std::uint64_t m_newlines = 0;
    std::uint64_t m_rowStartNewlines = 0;
    std::optional<RowIssue> m_issue;
};

} // namespace assay::table
