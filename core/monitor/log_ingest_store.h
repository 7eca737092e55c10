#pragma once

#include "common/result.h"
#include "monitor/log_ingest_batch.h"

#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace assay::workspace {
class Database;
}

namespace assay::monitor {

// Writes ingest batches into migration 6's tables with statements prepared once. The caller
// wraps each call in a transaction.
class IngestStore {
public:
    static Result<std::unique_ptr<IngestStore>> open(workspace::Database &database, std::int64_t monitorId);
    ~IngestStore();

    struct Counts {
        std::uint64_t rows = 0;
        std::uint64_t duplicates = 0;
        std::uint64_t labels = 0;
    };
    // Rows go in with INSERT OR IGNORE on (monitor, line hash, item): a line seen before is
    // counted as a duplicate. A label replaces an older different one for the same id.
    Status write(const IngestBatch &batch, Counts &counts);
    Status bumpGeneration();
    Status recordSource(const std::string &path, std::uint64_t bytes, std::uint64_t lines,
                        std::uint64_t badLines, std::int64_t nowMs);

private:
    IngestStore(sqlite3 *db, std::int64_t monitorId) : m_db(db), m_monitorId(monitorId) {}
    Status prepare(const char *sql, sqlite3_stmt *&statement);
    Status step(sqlite3_stmt *statement);

    sqlite3 *m_db;
    std::int64_t m_monitorId;
    sqlite3_stmt *m_insertRow = nullptr;
    sqlite3_stmt *m_insertUntimed = nullptr;
    sqlite3_stmt *m_upsertLabel = nullptr;
    sqlite3_stmt *m_insertFeature = nullptr;
    sqlite3_stmt *m_bumpGeneration = nullptr;
    sqlite3_stmt *m_upsertSource = nullptr;
};

} // namespace assay::monitor
