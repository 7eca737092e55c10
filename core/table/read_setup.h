#pragma once

#include "common/result.h"
#include "table/byte_source.h"
#include "table/chunk_parser.h"
#include "table/chunk_pipeline.h"
#include "table/reader.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace assay::table {

// Everything decided before the parallel part of a read: the format, the CSV dialect and
// header (from the first block), where the data starts, and the parser for the chunks.
struct ReadSetup {
    std::unique_ptr<ChunkParser> parser;
    std::vector<std::string> names; // CSV columns; empty for JSON Lines
    PipelineOptions pipeline;
    ReadReport report;
    std::uint64_t estimatedRows = 0;
};

Result<ReadSetup> prepareRead(const ByteSource &source, std::string_view displayName,
                              const ReadOptions &options);

} // namespace assay::table
