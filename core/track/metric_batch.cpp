#include "track/metric_batch.h"

#include "track/latest_metric.h"
#include "track/tracking_store.h"
#include "workspace/database.h"

#include <sqlite3.h>

#include <cmath>
#include <limits>
#include <map>
#include <memory>

namespace assay::track {

namespace {

using StatementPtr = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Error sqliteError(sqlite3 *db, std::string_view doing)
{
    return Error::database(std::string(doing) + ": " + sqlite3_errmsg(db));
}

Result<StatementPtr> prepare(sqlite3 *db, std::string_view sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
        SQLITE_OK)
        return sqliteError(db, "cannot prepare statement");
    return StatementPtr(statement, &sqlite3_finalize);
}

void bindText(sqlite3_stmt *statement, int index, std::string_view text)
{
    // SQLITE_STATIC: the strings outlive the statement, so SQLite need not copy them per row.
    sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
}

// NaN is stored as value 0 with is_nan 1 (SQLite would turn a bound NaN into NULL).
void bindValue(sqlite3_stmt *statement, int valueIndex, double value)
{
    const bool isNan = std::isnan(value);
    sqlite3_bind_double(statement, valueIndex, isNan ? 0.0 : value);
    sqlite3_bind_int(statement, valueIndex + 1, isNan ? 1 : 0);
}

class MetricAppender {
public:
    static Result<MetricAppender> create(sqlite3 *db, const std::string &runId)
    {
        auto insert = prepare(db, "INSERT INTO metrics(run_id, key, step, timestamp_ms, value, "
                                  "is_nan) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        if (!insert)
            return insert.error();
        bindText(insert->get(), 1, runId);
        return MetricAppender(db, std::move(insert).value());
    }

    void setKey(std::string_view key) { bindText(m_insert.get(), 2, key); }

    Status append(const MetricPoint &point)
    {
        sqlite3_stmt *statement = m_insert.get();
        sqlite3_bind_int64(statement, 3, point.step);
        sqlite3_bind_int64(statement, 4, point.timestampMs);
        bindValue(statement, 5, point.value);
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE)
            return sqliteError(m_db, "cannot log metric");
        return {};
    }

private:
    MetricAppender(sqlite3 *db, StatementPtr insert) : m_db(db), m_insert(std::move(insert)) {}

    sqlite3 *m_db;
    StatementPtr m_insert;
};

Status raiseLatest(sqlite3 *db, const std::string &runId,
                   const std::map<std::string_view, MetricPoint> &newest)
{
    auto stored = prepare(db, "SELECT step, timestamp_ms, value, is_nan FROM latest_metrics "
                              "WHERE run_id = ?1 AND key = ?2");
    if (!stored)
        return stored.error();
    auto upsert = prepare(db, "INSERT OR REPLACE INTO latest_metrics(run_id, key, step, "
                              "timestamp_ms, value, is_nan) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!upsert)
        return upsert.error();
    for (const auto &[key, candidate] : newest) {
        sqlite3_stmt *select = stored->get();
        bindText(select, 1, runId);
        bindText(select, 2, key);
        const int rc = sqlite3_step(select);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return sqliteError(db, "cannot read the latest metric");
        bool replace = rc == SQLITE_DONE;
        if (rc == SQLITE_ROW) {
            const MetricPoint latest{
                sqlite3_column_int64(select, 0), sqlite3_column_int64(select, 1),
                sqlite3_column_int(select, 3) != 0 ? std::numeric_limits<double>::quiet_NaN()
                                                   : sqlite3_column_double(select, 2)};
            replace = replacesLatest(candidate, latest);
        }
        sqlite3_reset(select);
        if (!replace)
            continue;
        sqlite3_stmt *write = upsert->get();
        bindText(write, 1, runId);
        bindText(write, 2, key);
        sqlite3_bind_int64(write, 3, candidate.step);
        sqlite3_bind_int64(write, 4, candidate.timestampMs);
        bindValue(write, 5, candidate.value);
        const int written = sqlite3_step(write);
        sqlite3_reset(write);
        if (written != SQLITE_DONE)
            return sqliteError(db, "cannot update the latest metric");
    }
    return {};
}

void keepNewest(std::map<std::string_view, MetricPoint> &newest, std::string_view key,
                const MetricPoint &point)
{
    auto [it, inserted] = newest.try_emplace(key, point);
    if (!inserted && replacesLatest(point, it->second))
        it->second = point;
}

} // namespace

Status appendMetricSeries(workspace::Database &database, const std::string &runId,
                          const std::string &key, std::span<const MetricPoint> points)
{
    if (points.empty())
        return {};
    auto appender = MetricAppender::create(database.handle(), runId);
    if (!appender)
        return appender.error();
    appender->setKey(key);
    std::map<std::string_view, MetricPoint> newest;
    for (const MetricPoint &point : points) {
        ASSAY_TRY(appender->append(point));
        keepNewest(newest, key, point);
    }
    return raiseLatest(database.handle(), runId, newest);
}

Status appendMetricPoints(workspace::Database &database, const std::string &runId,
                          std::span<const KeyedMetricPoint> points)
{
    if (points.empty())
        return {};
    auto appender = MetricAppender::create(database.handle(), runId);
    if (!appender)
        return appender.error();
    std::map<std::string_view, MetricPoint> newest;
    for (const KeyedMetricPoint &keyed : points) {
        appender->setKey(keyed.key);
        ASSAY_TRY(appender->append(keyed.point));
        keepNewest(newest, keyed.key, keyed.point);
    }
    return raiseLatest(database.handle(), runId, newest);
}

} // namespace assay::track
