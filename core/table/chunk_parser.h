#pragma once

#include "table/chunk_result.h"
#include "table/column_storage_pool.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace assay::table {

// Turns a chunk of complete rows into typed columns. Implementations are immutable and
// called from several threads at once; the result depends only on the bytes.
class ChunkParser {
public:
    virtual ~ChunkParser() = default;

    // Offset just past the last complete row in `bytes` (which starts at a row start).
    virtual std::size_t lastRowBoundary(std::string_view bytes) const = 0;

    // textColumns: when given, only the columns flagged 1 are built, and as strings holding
    // each value's original text (used when a column turns out to be a string column after
    // earlier chunks were converted to numbers); the other columns are left empty.
    // pool: where builders take value storage from (may be null).
    virtual ChunkResult parse(std::string_view bytes,
                              const std::vector<std::uint8_t> *textColumns = nullptr,
                              ColumnStoragePool *pool = nullptr) const = 0;
};

} // namespace assay::table
