#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "table/byte_source.h"
#include "table/chunk_parser.h"
#include "table/reader.h"

#include <cstdint>
#include <functional>
#include <string>

namespace assay::table {

inline constexpr std::size_t kDefaultBlockBytes = std::size_t{2} << 20;

struct PipelineOptions {
    std::string displayName;          // the file name used in messages
    unsigned threads = 1;             // worker threads parsing chunks
    std::size_t blockBytes = kDefaultBlockBytes;
    std::uint64_t start = 0;          // source offset of the first data row
    std::uint64_t firstLine = 1;      // its 1-based line number
    ColumnStoragePool *pool = nullptr; // recycled storage for the chunks' columns
};

// Receives each chunk on the calling thread, in file order, with firstLine set.
using ChunkSink = std::function<Status(ChunkResult &&chunk)>;

// Reads the source from `start` in blocks on the calling thread, cuts each block after its
// last complete row (carrying the rest into the next block), parses the chunks on worker
// threads and hands the results to `sink` in order. At most threads + 1 chunks are in
// flight, which bounds memory. The first error in file order stops everything; lenient
// parsers' skipped rows are added to `report`. Progress is the fraction of bytes read;
// cancellation is checked between blocks.
Status runChunkPipeline(const ByteSource &source, const ChunkParser &parser,
                        const PipelineOptions &options, const Progress &progress,
                        ReadReport &report, const ChunkSink &sink);

} // namespace assay::table
