#pragma once

// Reading audit_log rows into AuditEntry, shared by readAudit and verifyAudit.
#include "govern/audit_log.h"

namespace assay::workspace {
class Statement;
}

namespace assay::govern {

// The columns entryFromRow expects, in order, for a SELECT on audit_log.
inline constexpr const char *kAuditColumns =
    "seq, time, actor, action, object, outcome, details, prev_hash, hash";

AuditEntry entryFromRow(const workspace::Statement &row);

} // namespace assay::govern
