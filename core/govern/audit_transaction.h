#pragma once

#include "workspace/database.h"

#include <sqlite3.h>

#include <functional>

namespace assay::govern {

// Runs `work` in the caller's open transaction when there is one (it commits or rolls back
// with the caller's change), else in its own BEGIN IMMEDIATE transaction.
inline Status inAuditTransaction(workspace::Database &database, const std::function<Status()> &work)
{
    if (sqlite3_get_autocommit(database.handle()) == 0)
        return work();
    return database.transaction(work);
}

} // namespace assay::govern
