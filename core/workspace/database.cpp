#include "workspace/database.h"

#include "workspace/migrations.h"

#include <sqlite3.h>

namespace assay::workspace {

namespace {

constexpr int kBusyTimeoutMs = 10000;

} // namespace

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_statement(other.m_statement)
{
    other.m_statement = nullptr;
}

Statement::~Statement()
{
    if (m_statement)
        sqlite3_finalize(m_statement);
}

Statement &Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_statement, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view value)
{
    sqlite3_bind_text64(m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT,
                        SQLITE_UTF8);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
    return *this;
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return Error::database(std::string(sqlite3_errmsg(m_db)) + " (in: " +
                           sqlite3_sql(m_statement) + ")");
}

Status Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
    }
}

Status Statement::forEachRow(const std::function<void(const Statement &row)> &visit)
{
    for (;;) {
        auto row = step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        visit(*this);
    }
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t Statement::columnInt(int index) const
{
    return sqlite3_column_int64(m_statement, index);
}

double Statement::columnDouble(int index) const
{
    return sqlite3_column_double(m_statement, index);
}

std::string Statement::columnText(int index) const
{
    const auto *text = sqlite3_column_text(m_statement, index);
    const int size = sqlite3_column_bytes(m_statement, index);
    return text ? std::string(reinterpret_cast<const char *>(text), size) : std::string();
}

bool Statement::columnIsNull(int index) const
{
    return sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path &path)
{
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        std::string message = path.string() + ": cannot open database: " +
                              (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return Error::database(std::move(message));
    }
    std::unique_ptr<Database> database(new Database(db, path));
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    // mmap: listing runs touches most pages of params and latest_metrics, and copying them
    // through pread was a third of the time for 10,000 runs.
    ASSAY_TRY(database->execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; "
                                "PRAGMA synchronous=NORMAL; PRAGMA mmap_size=1073741824;"));
    return database;
}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

Error Database::lastError(std::string_view context) const
{
    return Error::database(m_path.string() + ": " + std::string(context) + ": " +
                           sqlite3_errmsg(m_db));
}

Status Database::execute(std::string_view sql)
{
    const std::string text(sql);
    char *message = nullptr;
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string reason = message ? message : "unknown error";
        sqlite3_free(message);
        return Error::database(m_path.string() + ": " + reason);
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
        SQLITE_OK)
        return lastError("cannot prepare statement");
    return Statement(m_db, statement);
}

Status Database::transaction(const std::function<Status()> &work)
{
    // Inside a caller's transaction the work joins it: a failure returns to the caller, whose
    // own transaction then rolls everything back.
    if (sqlite3_get_autocommit(m_db) == 0)
        return work();
    ASSAY_TRY(execute("BEGIN IMMEDIATE"));
    Status status = work();
    if (!status.ok()) {
        (void)execute("ROLLBACK");
        return status;
    }
    if (Status committed = execute("COMMIT"); !committed.ok()) {
        (void)execute("ROLLBACK");
        return committed;
    }
    return {};
}

Result<int> Database::userVersion()
{
    auto statement = prepare("PRAGMA user_version");
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    return static_cast<int>(statement->columnInt(0));
}

Status Database::migrate()
{
    auto current = userVersion();
    if (!current)
        return current.error();
    const auto all = migrations();
    const int newest = all.empty() ? 0 : all.back().version;
    if (*current > newest)
        return Error::invalidInput(m_path.string() + ": schema version " +
                                   std::to_string(*current) +
                                   " is newer than this Assay understands (" +
                                   std::to_string(newest) + "); upgrade Assay");
    for (const Migration &migration : all) {
        if (migration.version <= *current)
            continue;
        ASSAY_TRY(transaction([&]() -> Status {
            // Re-check inside the write lock: another process may have migrated meanwhile.
            auto now = userVersion();
            if (!now)
                return now.error();
            if (*now >= migration.version)
                return {};
            ASSAY_TRY(execute(migration.sql));
            return execute("PRAGMA user_version = " + std::to_string(migration.version));
        }));
    }
    return {};
}

} // namespace assay::workspace
