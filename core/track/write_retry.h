#pragma once

#include "common/result.h"

#include <functional>

namespace assay::workspace {
class Database;
}

namespace assay::track {

// Runs `work` in a write transaction (BEGIN IMMEDIATE). When another process holds the lock
// past the busy timeout, or SQLite reports the database busy, the whole transaction is rolled
// back and tried again with a growing pause, so concurrent writers lose nothing.
Status writeWithRetry(workspace::Database &database, const std::function<Status()> &work);

} // namespace assay::track
