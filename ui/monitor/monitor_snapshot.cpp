#include "monitor/monitor_snapshot.h"

#include "monitor/monitor_evaluation.h"
#include "workspace/workspace.h"

namespace assay::ui {

std::size_t MonitorEntry::activeAlerts() const
{
    const monitor::WindowResult *latest = report ? report->latest() : nullptr;
    return latest ? latest->alerts.size() : 0;
}

const MonitorEntry *MonitorSnapshot::find(const std::string &name) const
{
    for (const MonitorEntry &entry : monitors)
        if (entry.config.name == name)
            return &entry;
    return nullptr;
}

Result<MonitorSnapshot> loadMonitorSnapshot(const std::filesystem::path &root,
                                            const std::optional<monitor::WindowSpec> &window,
                                            const Progress &progress)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    auto configs = monitor::listMonitors(workspace->database());
    if (!configs)
        return configs.error();
    MonitorSnapshot snapshot;
    for (std::size_t i = 0; i < configs->size(); ++i) {
        if (progress.isCancelled())
            return Error::cancelled();
        const monitor::MonitorConfig &config = (*configs)[i];
        const Progress part(
            [&progress, i, count = configs->size()](double fraction, std::string_view stage) {
                progress.report((double(i) + fraction) / double(count), stage);
            },
            progress.token());
        MonitorEntry entry{.config = config, .report = std::nullopt, .error = {}};
        auto report = monitor::evaluateMonitor(*workspace, config.name, window, part);
        if (report)
            entry.report = std::move(*report);
        else if (report.error().kind == ErrorKind::Cancelled)
            return report.error();
        else
            entry.error = report.error().message;
        snapshot.monitors.push_back(std::move(entry));
    }
    return snapshot;
}

} // namespace assay::ui
