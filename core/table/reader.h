#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "table/table.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace assay::table {

enum class FileFormat { Auto, Csv, Tsv, JsonLines };
enum class HeaderMode { Auto, Present, Absent };

struct ReadOptions {
    FileFormat format = FileFormat::Auto; // Auto: by extension (.csv .tsv .tab .jsonl .ndjson), else sniffed
    char delimiter = 0;                   // 0: sniff among , \t ; |
    HeaderMode header = HeaderMode::Auto;
    bool lenient = false;                 // skip bad rows and count them instead of failing
    unsigned threads = 0;                 // 0: hardware concurrency; results do not depend on it
    std::size_t blockBytes = 0;           // 0: 2 MiB blocks; tests use tiny blocks to cross chunk borders
};

// A row that lenient mode skipped.
struct BadRow {
    std::uint64_t line = 0; // 1-based physical line where the row starts
    std::string reason;
};

struct ReadReport {
    std::uint64_t rowsRead = 0;
    std::uint64_t badRowCount = 0;
    std::vector<BadRow> firstBadRows; // at most 20, in file order
    char delimiter = ',';
    bool headerDetected = true;
    FileFormat format = FileFormat::Csv;
};

struct ReadOutcome {
    Table table;
    ReadReport report;
};

// The format a file name's extension implies (.csv .tsv .tab .jsonl .ndjson, any case);
// Auto when it implies none.
FileFormat formatFromName(std::string_view name);

// Reads a whole CSV/TSV/JSON Lines file into a Table with inferred column types.
// Errors name the file and the line:column, e.g. "data.csv:12:7: unterminated quoted field".
Result<ReadOutcome> readTable(const std::filesystem::path &path, const ReadOptions &options = {},
                              const Progress &progress = {});

// Reads the same bytes from memory; `displayName` stands for the file name in messages.
Result<ReadOutcome> readTableFromBuffer(std::string_view bytes, std::string_view displayName,
                                        const ReadOptions &options = {},
                                        const Progress &progress = {});

} // namespace assay::table
