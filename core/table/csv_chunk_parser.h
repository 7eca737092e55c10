#pragma once

#include "table/chunk_parser.h"
#include "table/column_builder.h"

namespace assay::table {

// Parses CSV rows with a known delimiter and field count.
class CsvChunkParser final : public ChunkParser {
public:
    CsvChunkParser(char delimiter, std::size_t columnCount, bool lenient)
        : m_delimiter(delimiter), m_columnCount(columnCount), m_lenient(lenient) {}

    std::size_t lastRowBoundary(std::string_view bytes) const override;
    ChunkResult parse(std::string_view bytes,
                      const std::vector<std::uint8_t> *textColumns = nullptr,
                      ColumnStoragePool *pool = nullptr) const override;

private:
    // One pass over the chunk; returns false when strict mode stopped at an error.
    bool parsePass(std::string_view bytes, const std::vector<std::uint8_t> *textColumns,
                   bool recordIssues, ChunkResult &result,
                   std::vector<ColumnBuilder> &builders) const;

    char m_delimiter;
    std::size_t m_columnCount;
    bool m_lenient;
};

} // namespace assay::table
