#pragma once

#include "table/chunk_parser.h"

namespace assay::table {

// Parses JSON Lines rows: one object per line, blank lines skipped. Each chunk names its
// columns (keys in order of first appearance within the chunk).
class JsonlChunkParser final : public ChunkParser {
public:
    explicit JsonlChunkParser(bool lenient) : m_lenient(lenient) {}

    std::size_t lastRowBoundary(std::string_view bytes) const override;
    ChunkResult parse(std::string_view bytes,
                      const std::vector<std::uint8_t> *textColumns = nullptr,
                      ColumnStoragePool *pool = nullptr) const override;

private:
    bool m_lenient;
};

} // namespace assay::table
