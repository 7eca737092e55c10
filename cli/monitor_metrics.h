#pragma once

#include "common/result.h"
#include "monitor/metrics_exposition.h"

#include <string>
#include <utility>
#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::cli {

// The exposition of some monitors, and the monitors whose evaluation failed with why.
struct MonitorMetrics {
    std::string exposition;
    std::size_t evaluated = 0; // monitors with a report
    std::vector<std::pair<std::string, Error>> failures;
};

// Evaluates the named monitors (all of the workspace's when `names` is empty) with
// evaluateMonitor, which returns the cached report unless rows arrived, and writes their
// exposition; a monitor whose evaluation fails is marked `assay_monitor_up 0` and listed in
// `failures`. NotFound only when a named monitor does not exist.
Result<MonitorMetrics> collectMonitorMetrics(workspace::Workspace &workspace,
                                             const std::vector<std::string> &names);

} // namespace assay::cli
