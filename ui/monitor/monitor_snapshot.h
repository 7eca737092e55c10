#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "monitor/monitor_config.h"
#include "monitor/monitor_report.h"
#include "monitor/window_spec.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace assay::ui {

// One monitor as the Monitor area shows it: its configuration and its evaluated report, or
// why it could not be evaluated.
struct MonitorEntry {
    monitor::MonitorConfig config;
    std::optional<monitor::MonitorReport> report;
    std::string error;

    std::size_t activeAlerts() const;
};

// Every monitor of the workspace, evaluated (evaluateMonitor: cached until new rows arrive)
// with `window` or each monitor's own window spec. Runs on the job runner.
struct MonitorSnapshot {
    std::vector<MonitorEntry> monitors;

    const MonitorEntry *find(const std::string &name) const;
};

Result<MonitorSnapshot> loadMonitorSnapshot(const std::filesystem::path &root,
                                            const std::optional<monitor::WindowSpec> &window,
                                            const Progress &progress);

} // namespace assay::ui
