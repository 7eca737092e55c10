#pragma once

#include "common/result.h"
#include "table/byte_source.h"
#include "table/chunk_parser.h"
#include "table/column_storage_pool.h"
#include "table/dictionary_index.h"
#include "table/table.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace assay::table {

// Appends chunk results, in file order, into the final columns. Column types are the join
// of the chunks' types: int chunks widen to float; when a column becomes a string column
// after typed chunks, the original text of those chunks is re-read from the source (each
// merged chunk's byte range is kept), so strings are never reformatted numbers. String
// codes are remapped into one dictionary in order of first appearance.
class TableAssembler {
public:
    // `names`: the CSV columns; empty for JSON Lines, whose chunks name their own columns.
    TableAssembler(const ByteSource &source, const ChunkParser &parser,
                   std::vector<std::string> names);

    // Capacity to reserve per column once its type is known (an estimate; may be exceeded).
    void reserveRows(std::uint64_t rows) { m_reserveRows = rows; }
    // Where appended chunk columns go back for reuse (may be null).
    void setStoragePool(ColumnStoragePool *pool) { m_pool = pool; }

    Status append(ChunkResult &&chunk);
    std::uint64_t rowCount() const { return m_rows; }
    Table finish();

private:
    struct Target {
        std::string name;
        InferredType type = InferredType::Unknown; // Unknown: every row so far is missing
        Column column;
        DictionaryIndex index;
    };
    struct MergedChunk {
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
        std::uint64_t rows = 0;
        std::vector<std::uint32_t> targetOfLocal;
    };

    std::size_t targetFor(const std::string &name);
    void becomeType(Target &target, InferredType type);
    void appendMissing(Target &target, std::uint64_t count);
    void appendSameType(Target &target, Column &&values);
    Result<Column> readChunkText(const MergedChunk &chunk, std::size_t local) const;
    Status rebuildAsStrings(Target &target, std::size_t targetIndex);

    const ByteSource &m_source;
    const ChunkParser &m_parser;
    std::vector<Target> m_targets;
    std::unordered_map<std::string, std::size_t> m_targetByName;
    std::vector<MergedChunk> m_merged;
    std::uint64_t m_rows = 0;
    std::uint64_t m_reserveRows = 0;
    ColumnStoragePool *m_pool = nullptr;
};

} // namespace assay::table
