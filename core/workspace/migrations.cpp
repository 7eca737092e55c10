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

constexpr std::array kMigrations{
    Migration{1, kSettings},
};

} // namespace

std::span<const Migration> migrations()
{
    return kMigrations;
}

} // namespace assay::workspace
