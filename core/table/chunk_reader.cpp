#include "table/chunk_reader.h"

#include "table/byte_source.h"
#include "table/read_setup.h"

#include <limits>
#include <unordered_map>

namespace assay::table {

namespace {

Column allMissingColumn(std::string name, std::uint64_t rows)
{
    Column column(std::move(name), ColumnType::Float);
    column.floats().assign(rows, std::numeric_limits<double>::quiet_NaN());
    column.missing().assign(rows, 1);
    return column;
}

// JSON Lines names its columns per chunk; the stream promises the same names in every
// chunk, so collect the union of keys first (a scan without building any column).
Result<std::vector<std::string>> collectKeys(const ByteSource &source, ReadSetup &setup)
{
    class KeysOnly final : public ChunkParser {
    public:
        explicit KeysOnly(const ChunkParser &inner) : m_inner(inner) {}
        std::size_t lastRowBoundary(std::string_view bytes) const override
        {
            return m_inner.lastRowBoundary(bytes);
        }
        ChunkResult parse(std::string_view bytes, const std::vector<std::uint8_t> *,
                          ColumnStoragePool *) const override
        {
            static const std::vector<std::uint8_t> kNone;
            return m_inner.parse(bytes, &kNone);
        }

    private:
        const ChunkParser &m_inner;
    } keysOnly(*setup.parser);

    std::vector<std::string> names;
    std::unordered_map<std::string, std::size_t> known;
    ReadReport ignored;
    ASSAY_TRY(runChunkPipeline(source, keysOnly, setup.pipeline, {}, ignored,
                               [&](ChunkResult &&chunk) -> Status {
                                   for (std::string &name : chunk.names)
                                       if (known.emplace(name, names.size()).second)
                                           names.push_back(std::move(name));
                                   return {};
                               }));
    return names;
}

Status streamSource(const ByteSource &source, std::string_view displayName,
                    const ReadOptions &options, const ChunkCallback &callback,
                    const Progress &progress)
{
    Result<ReadSetup> prepared = prepareRead(source, displayName, options);
    if (!prepared)
        return prepared.error();
    ReadSetup &setup = *prepared;
    std::vector<std::string> names = setup.names;
    const bool named = setup.report.format == FileFormat::JsonLines;
    if (named) {
        auto keys = collectKeys(source, setup);
        if (!keys)
            return keys.error();
        names = std::move(*keys);
    }
    std::unordered_map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < names.size(); ++i)
        position.emplace(names[i], i);

    std::uint64_t firstRow = 0;
    return runChunkPipeline(
        source, *setup.parser, setup.pipeline, progress, setup.report,
        [&](ChunkResult &&chunk) -> Status {
            std::vector<Column> columns(names.size());
            std::vector<std::uint8_t> filled(names.size(), 0);
            for (std::size_t j = 0; j < chunk.columns.size(); ++j) {
                const std::size_t at = named ? position.at(chunk.names[j]) : j;
                columns[at] = std::move(chunk.columns[j]);
                columns[at].setName(names[at]);
                filled[at] = 1;
            }
            for (std::size_t i = 0; i < names.size(); ++i)
                if (!filled[i])
                    columns[i] = allMissingColumn(names[i], chunk.rows);
            const Table table(std::move(columns));
            ASSAY_TRY(callback(table, firstRow));
            firstRow += chunk.rows;
            return {};
        });
}

} // namespace

Status forEachChunk(const std::filesystem::path &path, const ReadOptions &options,
                    const ChunkCallback &callback, const Progress &progress)
{
    auto source = FileByteSource::open(path);
    if (!source)
        return source.error();
    return streamSource(**source, path.string(), options, callback, progress);
}

Status forEachChunkInBuffer(std::string_view bytes, std::string_view displayName,
                            const ReadOptions &options, const ChunkCallback &callback,
                            const Progress &progress)
{
    const BufferByteSource source(bytes);
    return streamSource(source, displayName, options, callback, progress);
}

} // namespace assay::table
