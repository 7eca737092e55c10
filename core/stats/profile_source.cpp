#include "stats/profile.h"

#include "table/chunk_reader.h"
#include "version/dataset_ref.h"

namespace assay::stats {

namespace {

// Streams chunks into a builder; reads once more, with the affected columns as text, when a
// column turned into a string after its exact numbers were given up (rare: > 100k distinct
// numbers followed by text), so the profile is never approximate for that reason.
// A file with a header and no rows yields no chunk; its columns still belong in the profile,
// so such a (small) file is read whole.
template <typename ForEachChunk, typename ReadWhole>
Result<DatasetProfile> profileChunks(const ForEachChunk &forEachChunk, const ReadWhole &readWhole,
                                     std::string source, const Progress &progress)
{
    std::vector<std::string> textColumns;
    for (int pass = 0; pass < 2; ++pass) {
        ProfileBuilder builder = ProfileBuilder::withTextColumns(textColumns);
        ASSAY_TRY(forEachChunk([&](const table::Table &chunk, std::uint64_t) -> Status {
            if (progress.isCancelled())
                return Error::cancelled();
            return builder.add(chunk);
        }));
        textColumns = builder.columnsNeedingText();
        if (textColumns.empty() || pass == 1) {
            DatasetProfile profile = builder.finish(source);
            if (!profile.columns.empty())
                return profile;
            auto whole = readWhole();
            if (!whole)
                return whole.error();
            return profileTable(whole->table, std::move(source));
        }
    }
    return Error::internal("profile: unreachable");
}

} // namespace

DatasetProfile profileTable(const table::Table &table, std::string source)
{
    ProfileBuilder builder;
    (void)builder.add(table); // a single table always has the columns of its first chunk
    return builder.finish(std::move(source));
}

Result<DatasetProfile> profileFile(const std::filesystem::path &path,
                                   const table::ReadOptions &options, const Progress &progress)
{
    return profileChunks(
        [&](const table::ChunkCallback &callback) {
            return table::forEachChunk(path, options, callback, progress);
        },
        [&] { return table::readTable(path, options, progress); }, path.string(), progress);
}

Result<DatasetProfile> profileDataset(const version::DatasetRef &ref,
                                      const table::ReadOptions &options, const Progress &progress)
{
    auto resolved = version::resolveDataset(ref, progress);
    if (!resolved)
        return resolved.error();
    table::ReadOptions readOptions = options;
    if (readOptions.format == table::FileFormat::Auto)
        readOptions.format = resolved->format;
    const version::ResolvedDataset &data = *resolved;
    return profileChunks(
        [&](const table::ChunkCallback &callback) {
            return data.file.empty()
                       ? table::forEachChunkInBuffer(data.bytes, data.displayName, readOptions,
                                                     callback, progress)
                       : table::forEachChunk(data.file, readOptions, callback, progress);
        },
        [&] {
            return data.file.empty() ? table::readTableFromBuffer(data.bytes, data.displayName,
                                                                  readOptions, progress)
                                     : table::readTable(data.file, readOptions, progress);
        },
        ref.display(), progress);
}

} // namespace assay::stats
