#include "table/reader.h"

#include "table/byte_source.h"
#include "table/read_setup.h"
#include "table/table_assembler.h"

namespace assay::table {

namespace {

Result<ReadOutcome> readFromSource(const ByteSource &source, std::string_view displayName,
                                   const ReadOptions &options, const Progress &progress)
{
    Result<ReadSetup> prepared = prepareRead(source, displayName, options);
    if (!prepared)
        return prepared.error();
    ReadSetup &setup = *prepared;
    if (progress.isCancelled())
        return Error::cancelled();

    ColumnStoragePool pool;
    setup.pipeline.pool = &pool;
    TableAssembler assembler(source, *setup.parser, setup.names);
    assembler.reserveRows(setup.estimatedRows);
    assembler.setStoragePool(&pool);
    ASSAY_TRY(runChunkPipeline(source, *setup.parser, setup.pipeline, progress, setup.report,
                               [&](ChunkResult &&chunk) { return assembler.append(std::move(chunk)); }));
    ReadOutcome outcome{assembler.finish(), std::move(setup.report)};
    outcome.report.rowsRead = outcome.table.rowCount();
    progress.report(1.0, "reading");
    return outcome;
}

} // namespace

Result<ReadOutcome> readTable(const std::filesystem::path &path, const ReadOptions &options,
                              const Progress &progress)
{
    auto source = FileByteSource::open(path);
    if (!source)
        return source.error();
    return readFromSource(**source, path.string(), options, progress);
}

Result<ReadOutcome> readTableFromBuffer(std::string_view bytes, std::string_view displayName,
                                        const ReadOptions &options, const Progress &progress)
{
    const BufferByteSource source(bytes);
    return readFromSource(source, displayName, options, progress);
}

} // namespace assay::table
