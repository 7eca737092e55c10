#include "table/csv_chunk_parser.h"

#include "table/chunk_splitter.h"
#include "table/column_builder.h"
#include "table/csv_tokenizer.h"
#include "table/text_position.h"
#include "table/utf8_check.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace assay::table {

namespace {

std::string fieldCountReason(std::size_t expected, std::size_t found)
{
    return "expected " + std::to_string(expected) + " field" + (expected == 1 ? "" : "s")
           + ", found " + std::to_string(found);
}

} // namespace

std::size_t CsvChunkParser::lastRowBoundary(std::string_view bytes) const
{
    return findLastCsvRowBoundary(bytes, m_delimiter);
}

bool CsvChunkParser::parsePass(std::string_view bytes,
                               const std::vector<std::uint8_t> *textColumns, bool recordIssues,
                               ChunkResult &result, std::vector<ColumnBuilder> &builders) const
{
    CsvTokenizer tokenizer(bytes, m_delimiter);
    std::vector<FieldRef> fields;
    fields.reserve(m_columnCount + 1);
    std::string scratch;
    std::uint64_t rows = 0;
    const std::size_t columnCount = m_columnCount;

    for (;;) {
        if (!tokenizer.nextRow(fields))
            break;
        std::optional<RowIssue> issue = tokenizer.issue();
        const std::size_t rowStart = tokenizer.rowStart();
        if (!issue && fields.size() != columnCount) {
            const std::size_t at = fields.size() > columnCount
                                       ? fields[columnCount].startIn(bytes)
                                       : tokenizer.rowContentEnd();
            issue = RowIssue{at, fieldCountReason(columnCount, fields.size())};
        }
        if (!issue) {
            const std::size_t rowLength = tokenizer.position() - rowStart;
            const std::size_t bad = findInvalidUtf8(bytes.data() + rowStart, rowLength);
            if (bad != rowLength)
                issue = RowIssue{rowStart + bad, "invalid UTF-8"};
        }
        if (issue) {
            if (recordIssues) {
                const std::uint64_t rowNewlines = tokenizer.rowStartNewlines();
                const TextPosition where = positionOf(bytes, rowStart, rowNewlines, issue->offset);
                ChunkIssue chunkIssue{where.lineOffset, where.column, rowNewlines,
                                      std::move(issue->reason)};
                if (!m_lenient) {
                    result.error = std::move(chunkIssue);
                    return false;
                }
                ++result.badRowCount;
                if (result.badRows.size() < kMaxReportedBadRows)
                    result.badRows.push_back(std::move(chunkIssue));
            } else if (!m_lenient) {
                return false;
            }
            continue;
        }
        for (std::size_t c = 0; c < columnCount; ++c) {
            if (textColumns && !(*textColumns)[c])
                continue;
            builders[c].appendField(fields[c].text(scratch));
        }
        ++rows;
    }
    result.rows = rows;
    result.newlines = tokenizer.newlineCount();
    return true;
}

namespace {

// memchr is vectorised in glibc: far cheaper than looking at every byte in a loop.
std::size_t countNewlines(std::string_view bytes)
{
    std::size_t count = 0;
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    while (p < end) {
        const void *found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (!found)
            break;
        ++count;
        p = static_cast<const char *>(found) + 1;
    }
    return count;
}

} // namespace

ChunkResult CsvChunkParser::parse(std::string_view bytes,
                                  const std::vector<std::uint8_t> *textColumns,
                                  ColumnStoragePool *pool) const
{
    ChunkResult result;
    std::vector<ColumnBuilder> builders;
    builders.reserve(m_columnCount);
    // Newlines bound the row count (quoted newlines only make it larger).
    const std::size_t rowsBound = countNewlines(bytes) + 1;
    for (std::size_t c = 0; c < m_columnCount; ++c) {
        builders.emplace_back(textColumns != nullptr, pool);
        builders.back().reserve(rowsBound);
    }
    if (!parsePass(bytes, textColumns, true, result, builders))
        return result;

    // Columns that turned into strings after typed values: rebuild them from their text.
    std::vector<std::uint8_t> rebuild(m_columnCount, 0);
    bool anyRebuild = false;
    for (std::size_t c = 0; c < m_columnCount; ++c) {
        if (builders[c].needsTextPass()) {
            rebuild[c] = 1;
            anyRebuild = true;
            builders[c] = ColumnBuilder(true);
        }
    }
    if (anyRebuild) {
        ChunkResult ignored;
        parsePass(bytes, &rebuild, false, ignored, builders);
    }

    result.columns.reserve(m_columnCount);
    result.types.reserve(m_columnCount);
    for (std::size_t c = 0; c < m_columnCount; ++c) {
        result.types.push_back(builders[c].type());
        result.columns.push_back(builders[c].finish({}));
    }
    return result;
}

} // namespace assay::table
