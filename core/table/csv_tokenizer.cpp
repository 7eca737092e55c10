#include "table/csv_tokenizer.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace assay::table {

namespace {

// The first delimiter or newline at or after `p`, eight bytes at a time (most fields are
// shorter than a word, so this is usually one load).
const char *findFieldEnd(const char *p, const char *end, char delimiter)
{
    static_assert(std::endian::native == std::endian::little, "byte order of the word scan");
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
    const std::uint64_t delimiters = kOnes * static_cast<unsigned char>(delimiter);
    const std::uint64_t newlines = kOnes * static_cast<unsigned char>('\n');
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        const std::uint64_t a = word ^ delimiters;
        const std::uint64_t b = word ^ newlines;
        // Nonzero high bits mark zero bytes of a or b; the lowest one is exact.
        const std::uint64_t found = (((a - kOnes) & ~a) | ((b - kOnes) & ~b)) & kHighs;
        if (found != 0)
            return p + (__builtin_ctzll(found) >> 3);
        p += 8;
    }
    while (p < end && *p != delimiter && *p != '\n')
        ++p;
    return p;
}

} // namespace

std::string_view FieldRef::unescaped(std::string &scratch) const
{
    scratch.clear();
    for (std::uint32_t i = 0; i < size; ++i) {
        scratch.push_back(data[i]);
        if (data[i] == '"')
            ++i; // the second quote of a doubled pair
    }
    return scratch;
}

bool CsvTokenizer::skipBlankLines()
{
    const char *const begin = m_bytes.data();
    const char *const end = begin + m_bytes.size();
    const char *p = begin + m_pos;
    for (;;) {
        if (p == end) {
            m_pos = m_bytes.size();
            return false;
        }
        const char *q = p;
        while (q < end && (*q == ' ' || *q == '\r' || (*q == '\t' && m_delimiter != '\t')))
            ++q;
        if (q == end) {
            m_pos = m_bytes.size();
            return false;
        }
        if (*q != '\n')
            break;
        ++m_newlines;
        p = q + 1;
    }
    m_pos = static_cast<std::size_t>(p - begin);
    return true;
}

bool CsvTokenizer::nextRow(std::vector<FieldRef> &fields)
{
    fields.clear();
    m_issue.reset();
    if (!skipBlankLines())
        return false;

    const char *const begin = m_bytes.data();
    const char *const end = begin + m_bytes.size();
    const char delimiter = m_delimiter;
    const char *p = begin + m_pos;
    m_rowStart = m_pos;
    m_rowStartNewlines = m_newlines;

    for (;;) {
        const char *const fieldStart = p;
        const char *stop = nullptr; // the delimiter, newline or end after this field
        if (p < end && *p == '"') {
            const char *const content = p + 1;
            const char *q = content;
            bool escaped = false;
            const char *close = nullptr;
            for (;;) {
                close = static_cast<const char *>(std::memchr(q, '"', static_cast<std::size_t>(end - q)));
                if (!close)
                    break;
                if (close + 1 < end && close[1] == '"') {
                    escaped = true;
                    q = close + 2;
                    continue;
                }
                break;
            }
            const char *const contentEnd = close ? close : end;
            m_newlines += static_cast<std::uint64_t>(std::count(content, contentEnd, '\n'));
            fields.push_back({content, static_cast<std::uint32_t>(std::min<std::size_t>(
                                           static_cast<std::size_t>(contentEnd - content), UINT32_MAX)),
                              true, escaped});
            if (!close) {
                setIssue(static_cast<std::size_t>(fieldStart - begin), "unterminated quoted field");
                m_rowContentEnd = m_bytes.size();
                m_pos = m_bytes.size();
                return true;
            }
            if (static_cast<std::size_t>(contentEnd - content) > kMaxFieldBytes)
                setIssue(static_cast<std::size_t>(fieldStart - begin), "field longer than 1 MiB");
            p = close + 1;
            if (p < end && *p != delimiter && *p != '\n'
                && !(*p == '\r' && (p + 1 == end || p[1] == '\n'))) {
                setIssue(static_cast<std::size_t>(p - begin), "unexpected text after closing quote");
                while (p < end && *p != delimiter && *p != '\n')
                    ++p;
            }
            stop = p;
        } else {
            const char *const q = findFieldEnd(p, end, delimiter);
            const char *fieldEnd = q;
            if ((q == end || *q == '\n') && fieldEnd > p && fieldEnd[-1] == '\r')
                --fieldEnd;
            const auto length = static_cast<std::size_t>(fieldEnd - p);
            if (length > kMaxFieldBytes)
                setIssue(static_cast<std::size_t>(fieldStart - begin), "field longer than 1 MiB");
            fields.push_back({p, static_cast<std::uint32_t>(std::min<std::size_t>(length, UINT32_MAX)),
                              false, false});
            stop = q;
        }

        if (stop < end && *stop == delimiter) {
            p = stop + 1;
            continue;
        }
        // End of the row: a newline (maybe after '\r') or the end of the input.
        const char *contentEnd = stop;
        if (stop < end && *stop == '\r')
            ++stop; // CRLF after a quoted field
        if (contentEnd > begin && contentEnd[-1] == '\r' && !fields.back().quoted)
            --contentEnd;
        m_rowContentEnd = static_cast<std::size_t>(contentEnd - begin);
        if (stop < end) {
            ++m_newlines; // *stop == '\n'
            ++stop;
        }
        m_pos = static_cast<std::size_t>(stop - begin);
        return true;
    }
}

} // namespace assay::table
