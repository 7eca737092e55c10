#include "table/chunk_splitter.h"

#include <cstring>

namespace assay::table {

namespace {

const char *lastNewline(const char *from, const char *to)
{
    return static_cast<const char *>(memrchr(from, '\n', static_cast<std::size_t>(to - from)));
}

} // namespace

std::size_t findLastCsvRowBoundary(std::string_view bytes, char delimiter)
{
    const char *const begin = bytes.data();
    const char *const end = begin + bytes.size();
    const char *unquotedStart = begin;
    const char *p = begin;
    std::size_t best = 0;
    for (;;) {
        const char *quote =
            static_cast<const char *>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (!quote)
            break;
        const bool opensField = quote == begin || quote[-1] == delimiter || quote[-1] == '\n';
        if (!opensField) {
            p = quote + 1;
            continue;
        }
        if (const char *newline = lastNewline(unquotedStart, quote))
            best = static_cast<std::size_t>(newline + 1 - begin);
        const char *q = quote + 1;
        for (;;) {
            const char *close =
                static_cast<const char *>(std::memchr(q, '"', static_cast<std::size_t>(end - q)));
            if (!close || close + 1 == end)
                return best; // still inside the quoted field
            if (close[1] == '"') {
                q = close + 2;
                continue;
            }
            p = close + 1;
            unquotedStart = p;
            break;
        }
    }
    if (const char *newline = lastNewline(unquotedStart, end))
        best = static_cast<std::size_t>(newline + 1 - begin);
    return best;
}

std::size_t findLastLineBoundary(std::string_view bytes)
{
    if (bytes.empty())
        return 0;
    const char *newline = lastNewline(bytes.data(), bytes.data() + bytes.size());
    return newline ? static_cast<std::size_t>(newline + 1 - bytes.data()) : 0;
}

} // namespace assay::table
