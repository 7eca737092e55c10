#include "validate/validation.h"

#include "table/chunk_reader.h"
#include "version/dataset_ref.h"

#include <algorithm>

namespace assay::validate {

namespace {

// Reads a resolved dataset chunk by chunk, however it is stored.
Status forEachChunkOf(const version::ResolvedDataset &data, const table::ReadOptions &options,
                      const table::ChunkCallback &callback, const Progress &progress)
{
    if (!data.file.empty())
        return table::forEachChunk(data.file, options, callback, progress);
    return table::forEachChunkInBuffer(data.bytes, data.displayName, options, callback, progress);
}

ValueStream streamOfDataset(const version::ResolvedDataset &data, const table::ReadOptions &options,
                            const Progress &progress)
{
    return [&data, options, progress](std::string_view name, const ValueVisitor &visit) -> Status {
        // Only the cancellation matters here: the progress bar belongs to the first pass.
        const Progress quiet({}, progress.token());
        return forEachChunkOf(
            data, options,
            [&](const table::Table &chunk, std::uint64_t) -> Status {
                const auto index = chunk.indexOf(name);
                if (!index)
                    return Error::internal(data.displayName + ": column '" + std::string(name) +
                                           "' vanished");
                const table::Column &column = chunk.column(*index);
                for (std::size_t row = 0; row < column.size(); ++row) {
                    if (!column.isMissing(row))
                        visit(column.format(row));
                }
                return progress.isCancelled() ? Status(Error::cancelled()) : Status();
            },
            quiet);
    };
}

} // namespace

bool ValidationReport::failed() const
{
    return std::any_of(anomalies.begin(), anomalies.end(),
                       [](const Anomaly &a) { return a.severity == Severity::Error; }) ||
           std::any_of(tests.begin(), tests.end(), [](const TestResult &t) { return !t.passed; });
}

Result<ValidationReport> validateProfile(const Schema &schema, const stats::DatasetProfile &profile,
                                         const DataSuite *suite, const ValueStream &values)
{
    ValidationReport report;
    report.source = profile.source;
    report.rows = profile.rows;
    auto anomalies = detectAnomalies(schema, profile, values);
    if (!anomalies)
        return anomalies.error();
    report.anomalies = std::move(*anomalies);
    if (suite) {
        auto tests = runSuite(*suite, profile, values);
        if (!tests)
            return tests.error();
        report.tests = std::move(*tests);
    }
    return report;
}

Result<ValidationReport> validateDataset(const version::DatasetRef &ref, const Schema &schema,
                                         const DataSuite *suite, const table::ReadOptions &options,
                                         const Progress &progress)
{
    auto data = version::resolveDataset(ref, progress);
    if (!data)
        return data.error();
    table::ReadOptions readOptions = options;
    if (readOptions.format == table::FileFormat::Auto)
        readOptions.format = data->format;

    // As stats::profileDataset, whose second pass profiles as text the columns that turned
    // into strings after their exact numbers were given up; resolving once serves every pass.
    std::vector<std::string> textColumns;
    std::optional<stats::DatasetProfile> profile;
    while (!profile) {
        stats::ProfileBuilder builder = stats::ProfileBuilder::withTextColumns(textColumns);
        ASSAY_TRY(forEachChunkOf(
            *data, readOptions,
            [&](const table::Table &chunk, std::uint64_t) -> Status {
                if (progress.isCancelled())
                    return Error::cancelled();
                return builder.add(chunk);
            },
            progress));
        auto needingText = builder.columnsNeedingText();
        if (needingText.empty() || !textColumns.empty())
            profile = builder.finish(ref.display());
        textColumns = std::move(needingText);
    }
    return validateProfile(schema, *profile, suite, streamOfDataset(*data, readOptions, progress));
}

} // namespace assay::validate
