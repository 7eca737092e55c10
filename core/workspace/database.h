#pragma once

#include "common/result.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace assay::workspace {

// A prepared statement; bind with 1-based indexes, step until it returns false.
class Statement {
public:
    Statement(sqlite3 *db, sqlite3_stmt *statement) : m_db(db), m_statement(statement) {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    ~Statement();

    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view value);
    Statement &bindNull(int index);

    // True when a row is available; false when done. Errors end up in the Result.
    Result<bool> step();
    Status run(); // step to completion, for statements without rows
    // Steps through every row, handing each to `visit`; stops at the first error.
    Status forEachRow(const std::function<void(const Statement &row)> &visit);
    void reset();

    std::int64_t columnInt(int index) const;
    double columnDouble(int index) const;
    std::string columnText(int index) const;
    bool columnIsNull(int index) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement;
};

// The workspace database: SQLite in WAL mode with foreign keys on and a busy timeout, so
// several processes (training scripts, the GUI, the CLI) can write to it at once.
class Database {
public:
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path &path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Status execute(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // Runs `work` inside BEGIN IMMEDIATE … COMMIT; rolls back when it fails. Called inside an
    // open transaction, the work joins that one instead.
    Status transaction(const std::function<Status()> &work);

    Result<int> userVersion();
    // Applies every migration newer than PRAGMA user_version, each in its own transaction.
    Status migrate();

    const std::filesystem::path &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

private:
    Database(sqlite3 *db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}
    Error lastError(std::string_view context) const;

    sqlite3 *m_db;
    std::filesystem::path m_path;
};

} // namespace assay::workspace
