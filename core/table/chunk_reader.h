#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "table/reader.h"
#include "table/table.h"

#include <cstdint>
#include <filesystem>
#include <functional>

namespace assay::table {

// Called once per chunk, in file order; `firstRow` is the 0-based row index of the chunk's
// first row in the whole file. Returning an error stops the read with that error.
using ChunkCallback = std::function<Status(const Table &chunk, std::uint64_t firstRow)>;

// Streams a CSV/TSV/JSON Lines file in chunks of a few MiB with bounded memory. Every chunk
// has the same column names in the same order (for JSON Lines the union of all keys, found
// by a quick first pass); each chunk's column types are that chunk's own inference (an
// all-missing column is float), so a consumer that needs one type per column widens
// (int+float -> float, other mixes -> string). Errors and lenient mode as in readTable().
Status forEachChunk(const std::filesystem::path &path, const ReadOptions &options,
                    const ChunkCallback &callback, const Progress &progress = {});

// The same over bytes in memory; `displayName` stands for the file name in messages.
Status forEachChunkInBuffer(std::string_view bytes, std::string_view displayName,
                            const ReadOptions &options, const ChunkCallback &callback,
                            const Progress &progress = {});

} // namespace assay::table
