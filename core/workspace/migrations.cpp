#include "workspace/migrations.h"

#include <array>

namespace assay::workspace {

namespace {

constexpr std::string_view kSettings = R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
INSERT INTO settings(key, value) VALUES
    ('workspace_id', lower(hex(randomblob(16)))),
    ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
)sql";

// Shape of table contents Assay has read, keyed by the content's md5, so history views can
// show rows and columns without reading every version again.
constexpr std::string_view kTableShapes = R"sql(
CREATE TABLE table_shapes (
    md5          TEXT PRIMARY KEY NOT NULL,
    row_count    INTEGER NOT NULL,
    column_count INTEGER NOT NULL
);
)sql";

// DVC-style state: the hash of a file as it was when its inode, size and mtime were these, so
// status and add never re-hash a file that did not change. One row per path and hash name.
constexpr std::string_view kHashState = R"sql(
CREATE TABLE hash_state (
    path      TEXT NOT NULL,
    hash_name TEXT NOT NULL,
    inode     INTEGER NOT NULL,
    size      INTEGER NOT NULL,
    mtime_ns  INTEGER NOT NULL,
    md5       TEXT NOT NULL,
    PRIMARY KEY (path, hash_name)
) WITHOUT ROWID;
)sql";

constexpr std::array kMigrations{
    Migration{1, kSettings},
    Migration{2, kTableShapes},
    Migration{3, kHashState},
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

} // namespace assay::workspace
