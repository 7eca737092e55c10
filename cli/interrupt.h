#pragma once

#include "common/progress.h"

namespace assay::cli {

// The first Ctrl-C (or SIGTERM, SIGHUP) cancels `token` (work stops at its next check and the
// command exits 130 with nothing half-written); a second one ends the process at once.
void cancelOnInterrupt(const CancellationToken &token);

} // namespace assay::cli
