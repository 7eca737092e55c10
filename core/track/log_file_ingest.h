#pragma once

#include "common/result.h"
#include "track/tracking_store.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace assay::track {

// Reads the lines of JSON a training process appends to $ASSAY_LOG_FILE and logs them to a
// run, one transaction per poll:
//   {"metric": "loss", "value": 0.31, "step": 12, "timestamp": 1700000000000}
//   {"param": "lr", "value": "0.1"}      {"tag": "model", "value": "forest"}
// "step" defaults to 0 and "timestamp" (ms) to now; a metric value may also be the string
// "NaN", "Infinity" or "-Infinity". A malformed line is reported by its number and skipped.
class LogFileIngest {
public:
    LogFileIngest(TrackingStore &store, std::string runId, std::filesystem::path file)
        : m_store(&store), m_runId(std::move(runId)), m_file(std::move(file))
    {
    }

    // Ingests the complete lines appended since the last call (a missing file has none).
    Status poll();
    // Ingests the rest, a last line without its newline included.
    Status finish();

    // "FILE:LINE: reason" for each line skipped so far; the caller reports them.
    const std::vector<std::string> &problems() const { return m_problems; }
    std::uint64_t linesRead() const { return m_lineNumber; }

private:
    Status ingest(bool includePartialLine);
    void parseLine(std::string_view line, std::vector<KeyedMetricPoint> &metrics);

    TrackingStore *m_store;
    std::string m_runId;
    std::filesystem::path m_file;
    std::uint64_t m_offset = 0;
    std::uint64_t m_lineNumber = 0;
    std::vector<std::string> m_problems;
};

} // namespace assay::track
