#pragma once

// monitor_results: one computed report per monitor and window spec, valid for one generation.
#include "common/result.h"
#include "monitor/monitor_report.h"

#include <cstdint>
#include <optional>
#include <string>

namespace assay::workspace {
class Database;
}

namespace assay::monitor {

// The cached report for (monitor, window spec) when it was computed at `generation`.
Result<std::optional<MonitorReport>> cachedReport(workspace::Database &database, std::int64_t monitorId,
                                                  const std::string &window, std::int64_t generation);
Status storeReport(workspace::Database &database, std::int64_t monitorId, const MonitorReport &report);

} // namespace assay::monitor
