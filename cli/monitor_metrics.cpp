#include "monitor_metrics.h"

#include "monitor/monitor_config.h"
#include "monitor/monitor_evaluation.h"
#include "workspace/workspace.h"

namespace assay::cli {

Result<MonitorMetrics> collectMonitorMetrics(workspace::Workspace &workspace,
                                             const std::vector<std::string> &names)
{
    std::vector<std::string> monitors = names;
    if (monitors.empty()) {
        auto all = monitor::listMonitors(workspace.database());
        if (!all)
            return all.error();
        for (const monitor::MonitorConfig &config : *all)
            monitors.push_back(config.name);
    } else {
        for (const std::string &name : monitors)
            if (auto found = monitor::findMonitor(workspace.database(), name); !found)
                return found.error();
    }

    MonitorMetrics metrics;
    std::vector<monitor::MonitorReport> reports;
    monitor::ExpositionOptions options;
    for (const std::string &name : monitors) {
        auto report = monitor::evaluateMonitor(workspace, name);
        if (report) {
            reports.push_back(std::move(*report));
        } else {
            options.failedMonitors.push_back(name);
            metrics.failures.emplace_back(name, report.error());
        }
    }
    metrics.evaluated = reports.size();
    metrics.exposition = monitor::prometheusExposition(reports, options);
    return metrics;
}

} // namespace assay::cli
