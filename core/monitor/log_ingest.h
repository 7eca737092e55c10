#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::monitor {

struct BadLine {
    std::string file;      // as given
    std::uint64_t line = 0;  // 1-based
    std::size_t column = 0;  // 1-based, 0 when unknown
    std::string reason;
};

struct IngestOptions {
    // CSV logs: the timestamp column (default: the first of timestamp, time, ts, @timestamp,
    // date present); every other column is a feature except the id, prediction and label columns
    // recognised by the same names as in JSON.
    std::optional<std::string> timestampColumn;
    std::size_t keepBadLines = 10; // how many bad lines are reported in full
    std::size_t batchRows = 50000; // rows and labels committed per transaction
};

struct IngestReport {
    std::string monitor;
    std::uint64_t files = 0;
    std::uint64_t lines = 0;          // non-blank lines read
    std::uint64_t rows = 0;           // prediction rows newly stored
    std::uint64_t duplicates = 0;     // rows already stored (the same line ingested before)
    std::uint64_t labels = 0;         // labels stored or updated
    std::uint64_t badLines = 0;       // lines that could not be read (never stop the ingest)
    std::uint64_t withoutTimestamp = 0; // rows stored with the previous row's time (or file mtime)
    std::vector<BadLine> firstBadLines; // at most options.keepBadLines
    std::optional<std::int64_t> firstNs; // time span of the rows read
    std::optional<std::int64_t> lastNs;
    std::vector<std::string> unknownFeatures; // logged features the reference does not have
};

// Reads prediction logs (JSON Lines in any shape LogLineParser knows, .gz not supported; CSV
// when the name ends in .csv/.tsv) into the monitor named `monitorName` (which must exist,
// see configureMonitor). Idempotent: a line seen before (same bytes, any file) is stored once.
// Rows are committed in batches, so a killed ingest keeps whole batches and a rerun completes
// it. Labels may come before or after their predictions. Needs Action::MonitorModel; appends one
// "monitor.ingest" audit entry with the counts. Errors: unreadable file (names it), cancelled.
Result<IngestReport> ingestLogs(workspace::Workspace &workspace, const std::string &monitorName,
                                const std::vector<std::filesystem::path> &logs,
                                const IngestOptions &options = {}, const Progress &progress = {});

} // namespace assay::monitor
