#include "monitor/log_batch_reader.h"

#include "monitor/feature_codec.h"
#include "monitor/line_hash.h"

#include <chrono>
#include <cstdio>

namespace assay::monitor {

namespace {

bool isCsvName(const std::filesystem::path &path)
{
    const std::string extension = path.extension().string();
    return extension == ".csv" || extension == ".tsv" || extension == ".CSV" || extension == ".TSV";
}

std::int64_t modificationNs(const std::filesystem::path &path)
{
    std::error_code error;
    const auto time = std::filesystem::last_write_time(path, error);
    if (error)
        return 0;
    // GCC 12 has no clock_cast; file_time_type's clock is offset from the system clock.
    const auto system = std::chrono::system_clock::now() +
                        std::chrono::duration_cast<std::chrono::system_clock::duration>(
                            time - std::filesystem::file_time_type::clock::now());
    return std::chrono::duration_cast<std::chrono::nanoseconds>(system.time_since_epoch()).count();
}

std::string hexHash(std::int64_t hash)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

} // namespace

LogBatchReader::LogBatchReader(Setup setup) : m_setup(std::move(setup)), m_parser(m_setup.parser)
{
    for (std::size_t i = 0; i < m_setup.knownFeatures.size(); ++i)
        m_positions.emplace(m_setup.knownFeatures[i], static_cast<std::uint32_t>(i));
    m_reference.insert(m_setup.referenceFeatures.begin(), m_setup.referenceFeatures.end());
    for (const auto &file : m_setup.files) {
        std::error_code error;
        const auto size = std::filesystem::file_size(file, error);
        m_totalBytes += error ? 0 : size;
    }
}

bool LogBatchReader::openNextFile()
{
    if (m_lines) {
        SourceStats &source = m_sources.back();
        source.bytes = m_lines->bytesRead();
        m_bytesBefore += source.bytes;
        m_lines.reset();
    }
    if (m_fileIndex >= m_setup.files.size())
        return false;
    const std::filesystem::path &path = m_setup.files[m_fileIndex++];
    m_lines = std::make_unique<LineSource>(path);
    std::error_code error;
    const auto absolute = std::filesystem::absolute(path, error);
    m_sources.push_back({.path = (error ? path : absolute).lexically_normal().string(),
                         .bytes = 0, .lines = 0, .badLines = 0});
    ++m_report.files;
    m_csv = isCsvName(path);
    m_delimiter = path.extension() == ".tsv" || path.extension() == ".TSV" ? '\t' : ',';
    m_haveHeader = false;
    m_lineNumber = 0;
    m_previousNs.reset();
    m_fileTimeNs = modificationNs(path);
    return true;
}

bool LogBatchReader::next(IngestBatch &batch)
{
    batch.clear();
    batch.rows.reserve(m_setup.batchRows);
    batch.blobs.reserve(m_setup.batchRows * m_blobReserve);
    if (!m_lines && !openNextFile())
        return false;
    std::string_view line;
    while (batch.size() < m_setup.batchRows) {
        if (!m_lines->next(line)) {
            if (!openNextFile())
                break;
            continue;
        }
        ++m_lineNumber;
        readLine(line, batch);
    }
    if (!batch.rows.empty())
        m_blobReserve = batch.blobs.size() / batch.rows.size() + 16;
    const std::uint64_t done = m_bytesBefore + (m_lines ? m_lines->bytesRead() : 0);
    batch.fraction = m_totalBytes ? static_cast<double>(done) / static_cast<double>(m_totalBytes) : 1.0;
    return batch.size() > 0 || m_lines != nullptr;
}

void LogBatchReader::badLine(std::size_t column, std::string reason)
{
    ++m_report.badLines;
    ++m_sources.back().badLines;
    if (m_report.firstBadLines.size() < m_setup.options.keepBadLines)
        m_report.firstBadLines.push_back({.file = m_setup.files[m_fileIndex - 1].string(),
                                          .line = m_lineNumber,
                                          .column = column,
                                          .reason = std::move(reason)});
}

void LogBatchReader::readLine(std::string_view line, IngestBatch &batch)
{
    bool blank = true;
    for (const char c : line)
        if (c != ' ' && c != '\t' && c != '\r') {
            blank = false;
            break;
        }
    if (blank)
        return;
    if (m_csv && !m_haveHeader) {
        splitCsvLine(line, m_delimiter, m_fields, m_fieldScratch);
        std::string problem;
        m_haveHeader = true;
        if (!m_csvLayout.setHeader(m_fields, m_setup.options.timestampColumn, m_setup.parser.targetColumn,
                                   problem)) {
            // Without its timestamp column the file's rows cannot be placed: skip the file.
            badLine(1, problem + " (file skipped)");
            openNextFile();
        }
        return;
    }
    ++m_report.lines;
    ++m_sources.back().lines;
    m_records.clear();
    LineError error;
    if (m_csv) {
        splitCsvLine(line, m_delimiter, m_fields, m_fieldScratch);
        LogRecord &record = m_records.emplace_back();
        if (!m_csvLayout.read(m_fields, record, error)) {
            badLine(error.column, std::move(error.reason));
            return;
        }
    } else if (!m_parser.parse(line, m_records, error)) {
        badLine(error.column, std::move(error.reason));
        return;
    }
    const std::int64_t hash = lineHash(line);
    for (LogRecord &record : m_records)
        if (record.isLabelOnly() && record.id.empty()) {
            badLine(1, "a label without an id to join it to its prediction");
            return;
        }
    for (LogRecord &record : m_records)
        addRecord(record, line, hash, batch);
}

std::uint32_t LogBatchReader::positionOf(const std::string &name, IngestBatch &batch)
{
    auto found = m_positions.find(name);
    if (found != m_positions.end())
        return found->second;
    const auto position = static_cast<std::uint32_t>(m_positions.size());
    m_positions.emplace(name, position);
    batch.newFeatures.emplace_back(position, name);
    if (!m_reference.empty() && !m_reference.contains(name) && m_unknown.insert(name).second)
        m_report.unknownFeatures.push_back(name);
    return position;
}

void LogBatchReader::addRecord(LogRecord &record, std::string_view, std::int64_t hash, IngestBatch &batch)
{
    if (record.isLabelOnly()) {
        batch.labels.push_back({.id = std::move(record.id), .label = std::move(*record.label),
                                .timestampNs = record.timestampNs});
        return;
    }
    std::int64_t timestamp = 0;
    const bool timed = record.timestampNs.has_value();
    if (timed) {
        timestamp = *record.timestampNs;
        m_previousNs = timestamp;
    } else {
        ++m_report.withoutTimestamp;
        timestamp = m_previousNs ? *m_previousNs : m_fileTimeNs;
    }
    if (!m_report.firstNs || timestamp < *m_report.firstNs)
        m_report.firstNs = timestamp;
    if (!m_report.lastNs || timestamp > *m_report.lastNs)
        m_report.lastNs = timestamp;

    // Positions: rows of one log mostly repeat the previous row's names in the same order.
    m_encode.clear();
    const std::size_t count = record.features.size();
    if (m_lastNames.size() < count) {
        m_lastNames.resize(count, std::string(1, '\0'));
        m_lastPositions.resize(count);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const std::string &name = record.features[i].first;
        if (m_lastNames[i] != name) {
            m_lastNames[i] = name;
            m_lastPositions[i] = positionOf(name, batch);
        }
        m_encode.emplace_back(m_lastPositions[i], &record.features[i].second);
    }
    m_blob.clear();
    encodeFeatures(m_encode, m_blob);

    if (record.label && record.id.empty())
        record.id = hexHash(hash) + "/" + std::to_string(record.item);
    PendingRow &row = batch.rows.emplace_back();
    row.timestampNs = timestamp;
    row.timed = timed;
    row.id = record.id;
    row.score = record.score;
    row.predicted = std::move(record.predictedClass);
    row.blobOffset = static_cast<std::uint32_t>(batch.blobs.size());
    row.blobSize = static_cast<std::uint32_t>(m_blob.size());
    row.lineHash = hash;
    row.item = record.item;
    batch.blobs += m_blob;
    if (record.label)
        batch.labels.push_back({.id = std::move(record.id), .label = std::move(*record.label),
                                .timestampNs = record.timestampNs});
}

} // namespace assay::monitor
