#pragma once

#include "monitor/log_csv.h"
#include "monitor/log_ingest.h"
#include "monitor/log_ingest_batch.h"
#include "monitor/log_lines.h"
#include "monitor/log_parser.h"

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace assay::monitor {

// Per input file, for monitor_sources and the report.
struct SourceStats {
    std::string path; // absolute
    std::uint64_t bytes = 0;
    std::uint64_t lines = 0;
    std::uint64_t badLines = 0;
};

// Reads the log files in turn and cuts them into batches of stored rows: parses each line,
// gives each feature name its position, encodes the features and stamps rows that logged no
// time with the previous row's time. Counts lines, bad lines and rows without time into
// `report`. Used from one thread at a time.
class LogBatchReader {
public:
    struct Setup {
        std::vector<std::filesystem::path> files;
        IngestOptions options;
        LogLineParser::Options parser;
        std::vector<std::string> knownFeatures;     // monitor_features, index = position
        std::vector<std::string> referenceFeatures; // the model's features
        std::size_t batchRows = 50000;
    };
    explicit LogBatchReader(Setup setup);

    // Fills `batch` (cleared first) with up to batchRows rows and labels; false when every
    // file has been read and the batch is empty.
    bool next(IngestBatch &batch);

    IngestReport &report() { return m_report; }
    const std::vector<SourceStats> &sources() const { return m_sources; }

private:
    bool openNextFile();
    void readLine(std::string_view line, IngestBatch &batch);
    void addRecord(LogRecord &record, std::string_view line, std::int64_t hash, IngestBatch &batch);
    void badLine(std::size_t column, std::string reason);
    std::uint32_t positionOf(const std::string &name, IngestBatch &batch);

    Setup m_setup;
    IngestReport m_report;
    std::vector<SourceStats> m_sources;
    std::uint64_t m_totalBytes = 0;
    std::uint64_t m_bytesBefore = 0; // of the files finished

    std::size_t m_fileIndex = 0;
    std::unique_ptr<LineSource> m_lines;
    bool m_csv = false;
    bool m_haveHeader = false;
    char m_delimiter = ',';
    CsvLogLayout m_csvLayout;
    std::uint64_t m_lineNumber = 0;
    std::optional<std::int64_t> m_previousNs;
    std::int64_t m_fileTimeNs = 0;

    LogLineParser m_parser;
    std::vector<LogRecord> m_records;
    std::vector<std::string_view> m_fields;
    std::vector<std::string> m_fieldScratch;

    std::unordered_map<std::string, std::uint32_t> m_positions;
    std::vector<std::string> m_lastNames; // the previous row's names, a cache for m_positions
    std::vector<std::uint32_t> m_lastPositions;
    std::unordered_set<std::string> m_reference;
    std::unordered_set<std::string> m_unknown;
    std::vector<std::pair<std::uint32_t, const LoggedValue *>> m_encode;
    std::string m_blob;
    std::size_t m_blobReserve = 64; // bytes per row, learnt from the previous batch
};

} // namespace assay::monitor
