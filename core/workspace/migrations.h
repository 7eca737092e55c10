#pragma once

#include <span>
#include <string_view>

namespace assay::workspace {

// One schema step: `version` is the PRAGMA user_version the database has after `sql` ran.
struct Migration {
    int version;
    std::string_view sql;
};

// Every migration, oldest first, versions 1, 2, 3… without gaps. Append only: a released
// migration is never edited, a change is a new one.
std::span<const Migration> migrations();

} // namespace assay::workspace
