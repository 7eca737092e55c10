#pragma once

#include "table/column.h"
#include "table/type_inference.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace assay::table {

// A problem found while parsing a chunk, located relative to the chunk's first line.
struct ChunkIssue {
    std::uint64_t lineOffset = 0;    // newlines between the chunk start and the problem
    std::uint32_t column = 1;        // 1-based, in characters
    std::uint64_t rowLineOffset = 0; // newlines between the chunk start and the row start
    std::string reason;
};

// What a worker thread makes of one chunk of rows: chunk-local typed columns.
struct ChunkResult {
    std::vector<std::string> names;    // JSON Lines: keys in order of first appearance
    std::vector<Column> columns;       // one per name / per CSV column, `rows` values each
    std::vector<InferredType> types;   // Unknown for all-missing columns
    std::uint64_t rows = 0;
    std::uint64_t newlines = 0;        // physical lines the chunk spans
    std::optional<ChunkIssue> error;   // strict mode: the first problem; parsing stopped there
    std::uint64_t badRowCount = 0;     // lenient mode: rows skipped
    std::vector<ChunkIssue> badRows;   // lenient mode: the first few skipped rows

    // Set by the pipeline.
    std::uint64_t index = 0;
    std::uint64_t sourceOffset = 0;
    std::uint64_t sourceLength = 0;
    std::uint64_t firstLine = 1;       // 1-based line number of the chunk's first byte
};

inline constexpr std::size_t kMaxReportedBadRows = 20;

} // namespace assay::table
