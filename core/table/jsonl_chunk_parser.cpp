#include "table/jsonl_chunk_parser.h"

#include "table/chunk_splitter.h"
#include "table/column_builder.h"
#include "table/dictionary_index.h"
#include "table/json_scan.h"
#include "table/text_position.h"
#include "table/utf8_check.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace assay::table {

namespace {

bool isBlank(std::string_view line)
{
    for (const char c : line)
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    return true;
}

// Chunk-local columns keyed by name, in order of first appearance.
struct ChunkColumns {
    std::vector<std::string> names;
    DictionaryIndex index;
    std::vector<ColumnBuilder> builders;
    std::vector<std::uint64_t> lastRowSet; // row+1 that last set each column
};

} // namespace

std::size_t JsonlChunkParser::lastRowBoundary(std::string_view bytes) const
{
    return findLastLineBoundary(bytes);
}

ChunkResult JsonlChunkParser::parse(std::string_view bytes,
                                    const std::vector<std::uint8_t> *textColumns,
                                    ColumnStoragePool *pool) const
{
    ChunkResult result;
    const auto build = [&](std::size_t column) {
        return !textColumns || (column < textColumns->size() && (*textColumns)[column]);
    };
    ChunkColumns columns;
    JsonLineScanner scanner;
    std::vector<JsonMember> members;
    std::uint64_t rows = 0;
    std::uint64_t lineIndex = 0;
    std::uint64_t rowStamp = 0;
    std::size_t pos = 0;

    for (; pos < bytes.size(); ++lineIndex) {
        const char *newline =
            static_cast<const char *>(std::memchr(bytes.data() + pos, '\n', bytes.size() - pos));
        const std::size_t lineEnd = newline ? static_cast<std::size_t>(newline - bytes.data())
                                            : bytes.size();
        const std::size_t lineStart = pos;
        pos = newline ? lineEnd + 1 : bytes.size();
        const std::string_view line = bytes.substr(lineStart, lineEnd - lineStart);
        if (isBlank(line))
            continue;

        std::optional<std::pair<std::size_t, std::string>> issue;
        const std::size_t bad = findInvalidUtf8(line.data(), line.size());
        if (bad != line.size())
            issue.emplace(bad, "invalid UTF-8");
        else if (!scanner.scanObject(line, members))
            issue.emplace(scanner.errorOffset(), scanner.errorReason());

        ++rowStamp;
        if (!issue) {
            // Check for duplicate keys before appending, so a rejected row leaves nothing.
            for (std::size_t m = 0; m < members.size() && !issue; ++m) {
                const std::string_view key = scanner.view(members[m].key);
                const std::int64_t known = columns.index.find(key, columns.names);
                bool duplicate = false;
                if (known >= 0) {
                    auto &stamp = columns.lastRowSet[static_cast<std::size_t>(known)];
                    duplicate = stamp == rowStamp;
                    stamp = rowStamp;
                } else {
                    for (std::size_t k = 0; k < m && !duplicate; ++k)
                        duplicate = scanner.view(members[k].key) == key;
                }
                if (duplicate)
                    issue.emplace(members[m].keyOffset, "duplicate key \"" + std::string(key) + "\"");
            }
        }
        if (issue) {
            const TextPosition where = positionOf(bytes, lineStart, lineIndex, lineStart + issue->first);
            ChunkIssue chunkIssue{where.lineOffset, where.column, lineIndex, issue->second};
            if (!m_lenient) {
                result.error = std::move(chunkIssue);
                return result;
            }
            ++result.badRowCount;
            if (result.badRows.size() < kMaxReportedBadRows)
                result.badRows.push_back(std::move(chunkIssue));
            continue;
        }

        for (const JsonMember &member : members) {
            const std::size_t before = columns.names.size();
            const std::size_t column = columns.index.intern(scanner.view(member.key), columns.names);
            if (column == before) {
                columns.lastRowSet.push_back(rowStamp);
                columns.builders.emplace_back(textColumns != nullptr, pool);
                if (build(column))
                    columns.builders.back().appendMissing(rows);
            }
            if (!build(column))
                continue;
            ColumnBuilder &builder = columns.builders[column];
            builder.appendMissing(rows - builder.size());
            const std::string_view value = scanner.view(member.value);
            switch (member.kind) {
            case JsonKind::Null:
                builder.appendMissing();
                break;
            case JsonKind::True:
                builder.appendJsonBool(true, "true");
                break;
            case JsonKind::False:
                builder.appendJsonBool(false, "false");
                break;
            case JsonKind::Number:
                builder.appendJsonNumber(value);
                break;
            case JsonKind::String:
                builder.appendJsonString(value);
                break;
            case JsonKind::Nested:
                builder.appendJsonNested(value);
                break;
            }
        }
        ++rows;
    }
    result.rows = rows;
    result.newlines = static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.end(), '\n'));

    result.names = columns.names;
    for (std::size_t c = 0; c < columns.builders.size(); ++c) {
        ColumnBuilder &builder = columns.builders[c];
        if (build(c))
            builder.appendMissing(rows - builder.size());
        result.types.push_back(builder.type());
        result.columns.push_back(builder.finish({}));
    }

    // Columns that turned into strings after typed values: rebuild them from their text.
    if (!textColumns) {
        std::vector<std::uint8_t> rebuild(columns.builders.size(), 0);
        bool anyRebuild = false;
        for (std::size_t c = 0; c < columns.builders.size(); ++c)
            if (columns.builders[c].needsTextPass()) {
                rebuild[c] = 1;
                anyRebuild = true;
            }
        if (anyRebuild) {
            ChunkResult text = parse(bytes, &rebuild, pool);
            for (std::size_t c = 0; c < rebuild.size(); ++c) {
                if (rebuild[c]) {
                    result.columns[c] = std::move(text.columns[c]);
                    result.types[c] = InferredType::String;
                }
            }
        }
    }
    return result;
}

} // namespace assay::table
