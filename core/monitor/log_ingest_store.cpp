#include "monitor/log_ingest_store.h"

#include "workspace/database.h"

#include <sqlite3.h>

namespace assay::monitor {

Result<std::unique_ptr<IngestStore>> IngestStore::open(workspace::Database &database, std::int64_t monitorId)
{
    std::unique_ptr<IngestStore> store(new IngestStore(database.handle(), monitorId));
    ASSAY_TRY(store->prepare("INSERT OR IGNORE INTO monitor_rows(monitor_id, ts_ns, record_id, score, "
                             "predicted, features, line_hash, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             store->m_insertRow));
    ASSAY_TRY(store->prepare("INSERT OR IGNORE INTO monitor_untimed_lines(monitor_id, line_hash, item) "
                             "VALUES (?, ?, ?)",
                             store->m_insertUntimed));
    ASSAY_TRY(store->prepare("INSERT INTO monitor_labels(monitor_id, record_id, label, ts_ns) "
                             "VALUES (?, ?, ?, ?) ON CONFLICT(monitor_id, record_id) DO UPDATE SET "
                             "label = excluded.label, ts_ns = excluded.ts_ns "
                             "WHERE label IS NOT excluded.label OR ts_ns IS NOT excluded.ts_ns",
                             store->m_upsertLabel));
    ASSAY_TRY(store->prepare("INSERT INTO monitor_features(monitor_id, position, name) VALUES (?, ?, ?)",
                             store->m_insertFeature));
    ASSAY_TRY(store->prepare("UPDATE monitors SET generation = generation + 1 WHERE id = ?",
                             store->m_bumpGeneration));
    ASSAY_TRY(store->prepare("INSERT INTO monitor_sources(monitor_id, path, bytes, lines, bad_lines, "
                             "ingested_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(monitor_id, path) DO "
                             "UPDATE SET bytes = excluded.bytes, lines = excluded.lines, "
                             "bad_lines = excluded.bad_lines, ingested_ms = excluded.ingested_ms",
                             store->m_upsertSource));
    return store;
}

IngestStore::~IngestStore()
{
    for (sqlite3_stmt *statement :
         {m_insertRow, m_insertUntimed, m_upsertLabel, m_insertFeature, m_bumpGeneration, m_upsertSource})
        sqlite3_finalize(statement);
}

Status IngestStore::prepare(const char *sql, sqlite3_stmt *&statement)
{
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK)
        return Error::database(std::string("cannot prepare ingest statement: ") + sqlite3_errmsg(m_db));
    return {};
}

Status IngestStore::step(sqlite3_stmt *statement)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE)
        return Error::database(std::string(sqlite3_errmsg(m_db)) + " (in: " + sqlite3_sql(statement) + ")");
    return {};
}

Status IngestStore::write(const IngestBatch &batch, Counts &counts)
{
    for (const auto &[position, name] : batch.newFeatures) {
        sqlite3_bind_int64(m_insertFeature, 1, m_monitorId);
        sqlite3_bind_int64(m_insertFeature, 2, position);
        sqlite3_bind_text(m_insertFeature, 3, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
        ASSAY_TRY(step(m_insertFeature));
    }
    sqlite3_bind_int64(m_insertRow, 1, m_monitorId);
    sqlite3_bind_int64(m_insertUntimed, 1, m_monitorId);
    for (const PendingRow &row : batch.rows) {
        if (!row.timed) {
            sqlite3_bind_int64(m_insertUntimed, 2, row.lineHash);
            sqlite3_bind_int64(m_insertUntimed, 3, row.item);
            ASSAY_TRY(step(m_insertUntimed));
            if (sqlite3_changes(m_db) == 0) {
                ++counts.duplicates;
                continue;
            }
        }
        sqlite3_bind_int64(m_insertRow, 2, row.timestampNs);
        sqlite3_bind_text(m_insertRow, 3, row.id.data(), static_cast<int>(row.id.size()), SQLITE_STATIC);
        if (row.score)
            sqlite3_bind_double(m_insertRow, 4, *row.score);
        else
            sqlite3_bind_null(m_insertRow, 4);
        if (row.predicted)
            sqlite3_bind_text(m_insertRow, 5, row.predicted->data(), static_cast<int>(row.predicted->size()),
                              SQLITE_STATIC);
        else
            sqlite3_bind_null(m_insertRow, 5);
        sqlite3_bind_blob(m_insertRow, 6, batch.blobs.data() + row.blobOffset, static_cast<int>(row.blobSize),
                          SQLITE_STATIC);
        sqlite3_bind_int64(m_insertRow, 7, row.lineHash);
        sqlite3_bind_int64(m_insertRow, 8, row.item);
        ASSAY_TRY(step(m_insertRow));
        if (sqlite3_changes(m_db) > 0)
            ++counts.rows;
        else
            ++counts.duplicates;
    }
    sqlite3_bind_int64(m_upsertLabel, 1, m_monitorId);
    for (const PendingLabel &label : batch.labels) {
        sqlite3_bind_text(m_upsertLabel, 2, label.id.data(), static_cast<int>(label.id.size()), SQLITE_STATIC);
        sqlite3_bind_text(m_upsertLabel, 3, label.label.data(), static_cast<int>(label.label.size()),
                          SQLITE_STATIC);
        if (label.timestampNs)
            sqlite3_bind_int64(m_upsertLabel, 4, *label.timestampNs);
        else
            sqlite3_bind_null(m_upsertLabel, 4);
        ASSAY_TRY(step(m_upsertLabel));
        if (sqlite3_changes(m_db) > 0)
            ++counts.labels;
    }
    return {};
}

Status IngestStore::bumpGeneration()
{
    sqlite3_bind_int64(m_bumpGeneration, 1, m_monitorId);
    return step(m_bumpGeneration);
}

Status IngestStore::recordSource(const std::string &path, std::uint64_t bytes, std::uint64_t lines,
                                 std::uint64_t badLines, std::int64_t nowMs)
{
    sqlite3_bind_int64(m_upsertSource, 1, m_monitorId);
    sqlite3_bind_text(m_upsertSource, 2, path.data(), static_cast<int>(path.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(m_upsertSource, 3, static_cast<sqlite3_int64>(bytes));
    sqlite3_bind_int64(m_upsertSource, 4, static_cast<sqlite3_int64>(lines));
    sqlite3_bind_int64(m_upsertSource, 5, static_cast<sqlite3_int64>(badLines));
    sqlite3_bind_int64(m_upsertSource, 6, nowMs);
    return step(m_upsertSource);
}

} // namespace assay::monitor
