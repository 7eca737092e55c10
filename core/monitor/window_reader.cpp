#include "monitor/window_reader.h"

#include "monitor/feature_codec.h"
#include "monitor/monitor_config.h"
#include "table/datetime_parse.h"
#include "table/dictionary_index.h"
#include "workspace/database.h"

#include <sqlite3.h>

#include <charconv>
#include <cmath>
#include <limits>

namespace assay::monitor {

using table::ColumnType;

namespace {

// One window column being filled row by row in the reference column's type.
class ColumnFiller {
public:
    ColumnFiller(std::string name, ColumnType type) : m_name(std::move(name)), m_type(type) {}

    // Each returns false when the value does not fit the type (then it is stored as missing).
    bool addNumber(double value)
    {
        if (std::isnan(value))
            return addMissing(), true;
        switch (m_type) {
        case ColumnType::Float:
            return push(m_column.floats(), value);
        case ColumnType::Int:
            if (value == std::trunc(value) && std::abs(value) < 9.2e18)
                return push(m_column.ints(), static_cast<std::int64_t>(value));
            break;
        case ColumnType::Bool:
            if (value == 0 || value == 1)
                return push(m_column.bools(), static_cast<std::uint8_t>(value));
            break;
        case ColumnType::String: {
            char buffer[32];
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
            return addText(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
        }
        case ColumnType::Datetime:
            break;
        }
        addMissing();
        return false;
    }

    bool addText(std::string_view text)
    {
        switch (m_type) {
        case ColumnType::String:
            return push(m_column.codes(), m_index.intern(text, m_column.dictionary()));
        case ColumnType::Bool:
            if (text == "true" || text == "false")
                return push(m_column.bools(), static_cast<std::uint8_t>(text == "true"));
            break;
        case ColumnType::Datetime:
            if (const auto ns = table::parseIsoDatetime(text))
                return push(m_column.ints(), *ns);
            break;
        case ColumnType::Float:
        case ColumnType::Int: {
            // A number logged as text ("12.5") still fits.
            double value = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (error == std::errc() && end == text.data() + text.size())
                return addNumber(value);
            break;
        }
        }
        addMissing();
        return false;
    }

    void addMissing()
    {
        switch (m_type) {
        case ColumnType::Float:
            m_column.floats().push_back(std::numeric_limits<double>::quiet_NaN());
            break;
        case ColumnType::Int:
        case ColumnType::Datetime:
            m_column.ints().push_back(0);
            break;
        case ColumnType::Bool:
            m_column.bools().push_back(0);
            break;
        case ColumnType::String:
            m_column.codes().push_back(0);
            break;
        }
        m_missing.resize(m_rows, 0);
        m_missing.push_back(1);
        ++m_rows;
    }

    std::size_t rows() const { return m_rows; }

    table::Column finish()
    {
        table::Column done = std::move(m_column);
        if (!m_missing.empty()) {
            m_missing.resize(m_rows, 0);
            done.missing() = std::move(m_missing);
        }
        m_column = table::Column(m_name, m_type);
        m_missing = {};
        m_index = {};
        m_rows = 0;
        return done;
    }

private:
    template <typename T, typename V>
    bool push(std::vector<T> &values, V value)
    {
        values.push_back(static_cast<T>(value));
        ++m_rows;
        return true;
    }

    std::string m_name;
    ColumnType m_type;
    table::Column m_column{m_name, m_type};
    std::vector<std::uint8_t> m_missing; // grown lazily: empty while nothing is missing
    table::DictionaryIndex m_index;
    std::size_t m_rows = 0;
};

class WindowBuilder {
public:
    WindowBuilder(const table::Table &reference, std::vector<int> positionToColumn, bool keepLabelTexts)
        : m_positionToColumn(std::move(positionToColumn)), m_keepLabelTexts(keepLabelTexts)
    {
        for (const table::Column &column : reference.columns())
            m_fillers.emplace_back(column.name(), column.type());
    }

    void addRow(std::int64_t ns, std::string_view blob, std::optional<double> score, std::int8_t label,
                std::string_view labelText)
    {
        if (m_batch.scores.empty())
            m_batch.startNs = ns;
        m_lastNs = ns;
        const std::size_t row = m_batch.scores.size();
        const bool decoded = decodeFeatures(blob, [&](std::uint32_t position, LoggedValue::Kind kind,
                                                      double number, std::string_view text) {
            if (position >= m_positionToColumn.size() || m_positionToColumn[position] < 0)
                return;
            ColumnFiller &filler = m_fillers[static_cast<std::size_t>(m_positionToColumn[position])];
            if (filler.rows() > row) // the same feature twice in one row: the first counts
                return;
            bool fits = true;
            if (kind == LoggedValue::Kind::Number)
                fits = filler.addNumber(number);
            else if (kind == LoggedValue::Kind::Text)
                fits = filler.addText(text);
            else
                filler.addMissing();
            m_batch.unfitValues += !fits;
        });
        if (!decoded)
            ++m_batch.corruptRows;
        for (ColumnFiller &filler : m_fillers)
            if (filler.rows() == row)
                filler.addMissing();
        m_batch.scores.push_back(score.value_or(std::numeric_limits<double>::quiet_NaN()));
        m_batch.labels.push_back(label);
        if (m_keepLabelTexts)
            m_batch.labelTexts.emplace_back(labelText);
    }

    std::size_t rows() const { return m_batch.scores.size(); }

    WindowBatch take(std::optional<std::int64_t> periodEnd)
    {
        std::vector<table::Column> columns;
        for (ColumnFiller &filler : m_fillers)
            columns.push_back(filler.finish());
        m_batch.features = table::Table(std::move(columns));
        m_batch.endNs = periodEnd.value_or(m_lastNs + 1);
        WindowBatch done = std::move(m_batch);
        m_batch = {};
        m_batch.scores.reserve(done.scores.size());
        m_batch.labels.reserve(done.labels.size());
        return done;
    }

private:
    std::vector<int> m_positionToColumn;
    bool m_keepLabelTexts;
    std::vector<ColumnFiller> m_fillers;
    WindowBatch m_batch;
    std::int64_t m_lastNs = 0;
};

// A raw statement: the window reader reads millions of rows, so it avoids a copy per blob.
class RawStatement {
public:
    RawStatement(sqlite3 *db, const std::string &sql) { m_status = sqlite3_prepare_v2(db, sql.c_str(), -1, &m_statement, nullptr); }
    ~RawStatement() { sqlite3_finalize(m_statement); }
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;

    bool ok() const { return m_status == SQLITE_OK; }
    sqlite3_stmt *get() const { return m_statement; }

private:
    sqlite3_stmt *m_statement = nullptr;
    int m_status = SQLITE_OK;
};

std::string rangeClause(const std::optional<std::int64_t> &fromNs, const std::optional<std::int64_t> &toNs)
{
    std::string clause;
    if (fromNs)
        clause += " AND r.ts_ns >= " + std::to_string(*fromNs);
    if (toNs)
        clause += " AND r.ts_ns < " + std::to_string(*toNs);
    return clause;
}

Result<bool> hasLabels(workspace::Database &database, std::int64_t monitorId)
{
    auto query = database.prepare("SELECT EXISTS (SELECT 1 FROM monitor_labels WHERE monitor_id = ?)");
    if (!query)
        return query.error();
    query->bind(1, monitorId);
    auto row = query->step();
    if (!row)
        return row.error();
    return *row && query->columnInt(0) != 0;
}

} // namespace

Result<std::uint64_t> countLoggedRows(workspace::Database &database, std::int64_t monitorId,
                                      std::optional<std::int64_t> fromNs, std::optional<std::int64_t> toNs)
{
    auto query = database.prepare("SELECT COUNT(*) FROM monitor_rows r WHERE r.monitor_id = ?" +
                                  rangeClause(fromNs, toNs));
    if (!query)
        return query.error();
    query->bind(1, monitorId);
    auto row = query->step();
    if (!row)
        return row.error();
    return static_cast<std::uint64_t>(query->columnInt(0));
}

// The log is read once from end to end. Through SQLite's page cache rather than the
// workspace's memory map, the process keeps about one window of it, not every page it read.
class WithoutMemoryMap {
public:
    explicit WithoutMemoryMap(workspace::Database &database) : m_database(database)
    {
        auto size = database.prepare("PRAGMA mmap_size");
        if (size && size->step().ok())
            m_previous = size->columnInt(0);
        (void)database.execute("PRAGMA mmap_size = 0");
    }
    ~WithoutMemoryMap() { (void)m_database.execute("PRAGMA mmap_size = " + std::to_string(m_previous)); }
    WithoutMemoryMap(const WithoutMemoryMap &) = delete;
    WithoutMemoryMap &operator=(const WithoutMemoryMap &) = delete;

private:
    workspace::Database &m_database;
    std::int64_t m_previous = 0;
};

Status forEachWindow(workspace::Database &database, const WindowRead &read,
                     const std::function<Status(WindowBatch &)> &onWindow, const Progress &progress)
{
    const WithoutMemoryMap streaming(database);
    auto names = monitorFeatureNames(database, read.monitorId);
    if (!names)
        return names.error();
    std::vector<int> positionToColumn(names->size(), -1);
    for (std::size_t p = 0; p < names->size(); ++p)
        if (const auto column = read.reference->indexOf((*names)[p]))
            positionToColumn[p] = static_cast<int>(*column);

    auto total = countLoggedRows(database, read.monitorId, read.fromNs, read.toNs);
    if (!total)
        return total.error();
    const std::uint64_t wanted = read.maxRows ? std::min(read.maxRows, *total) : *total;
    auto labelled = hasLabels(database, read.monitorId);
    if (!labelled)
        return labelled.error();

    // Labels may be stored before or after their rows: the join finds them either way.
    const std::string sql =
        std::string("SELECT r.ts_ns, r.score, r.features, ") +
        (*labelled ? "l.label FROM monitor_rows r LEFT JOIN monitor_labels l ON l.monitor_id = r.monitor_id "
                     "AND l.record_id = r.record_id AND r.record_id <> '' "
                   : "NULL FROM monitor_rows r ") +
        "WHERE r.monitor_id = " + std::to_string(read.monitorId) + rangeClause(read.fromNs, read.toNs) +
        " ORDER BY r.ts_ns, r.line_hash, r.item";
    RawStatement statement(database.handle(), sql);
    if (!statement.ok())
        return Error::database("monitor rows: " + std::string(sqlite3_errmsg(database.handle())));

    WindowBuilder builder(*read.reference, std::move(positionToColumn), read.keepLabelTexts);
    const WindowSpec &spec = read.spec;
    std::optional<std::int64_t> period;
    std::uint64_t rowIndex = 0;
    std::uint64_t chunk = 0;
    const auto chunkEnd = [&](std::uint64_t k) { return (k + 1) * wanted / std::max<std::uint64_t>(spec.count, 1); };
    const auto flush = [&]() -> Status {
        if (builder.rows() == 0)
            return {};
        std::optional<std::int64_t> periodEnd;
        if (spec.byPeriod())
            periodEnd = nextPeriodStart(spec.kind, *period);
        WindowBatch batch = builder.take(periodEnd);
        if (spec.byPeriod())
            batch.startNs = *period;
        return onWindow(batch);
    };

    sqlite3_stmt *row = statement.get();
    while (rowIndex < wanted) {
        const int status = sqlite3_step(row);
        if (status == SQLITE_DONE)
            break;
        if (status != SQLITE_ROW)
            return Error::database("monitor rows: " + std::string(sqlite3_errmsg(database.handle())));
        const std::int64_t ns = sqlite3_column_int64(row, 0);
        if (spec.byPeriod()) {
            const std::int64_t start = periodStart(spec.kind, ns);
            if (period && start != *period)
                ASSAY_TRY(flush());
            period = start;
        }
        std::optional<double> score;
        if (sqlite3_column_type(row, 1) != SQLITE_NULL)
            score = sqlite3_column_double(row, 1);
        const auto *blob = static_cast<const char *>(sqlite3_column_blob(row, 2));
        const auto blobSize = static_cast<std::size_t>(sqlite3_column_bytes(row, 2));
        std::string_view labelText;
        std::int8_t label = -1;
        if (sqlite3_column_type(row, 3) != SQLITE_NULL) {
            labelText = std::string_view(reinterpret_cast<const char *>(sqlite3_column_text(row, 3)),
                                         static_cast<std::size_t>(sqlite3_column_bytes(row, 3)));
            label = read.labels.code(labelText);
        }
        builder.addRow(ns, std::string_view(blob ? blob : "", blob ? blobSize : 0), score, label, labelText);
        ++rowIndex;
        if (spec.kind == WindowSpec::Kind::Rows && builder.rows() == spec.count)
            ASSAY_TRY(flush());
        if (spec.kind == WindowSpec::Kind::Chunks) {
            while (chunk < spec.count && rowIndex >= chunkEnd(chunk)) {
                ASSAY_TRY(flush());
                ++chunk;
            }
        }
        if ((rowIndex & 0xffff) == 0) {
            if (progress.isCancelled())
                return Error::cancelled();
            progress.report(double(rowIndex) / double(std::max<std::uint64_t>(wanted, 1)), "reading windows");
        }
    }
    return flush();
}

} // namespace assay::monitor
