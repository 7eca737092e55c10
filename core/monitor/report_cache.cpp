#include "monitor/report_cache.h"

#include "workspace/database.h"

namespace assay::monitor {

Result<std::optional<MonitorReport>> cachedReport(workspace::Database &database, std::int64_t monitorId,
                                                  const std::string &window, std::int64_t generation)
{
    auto query = database.prepare(
        "SELECT report FROM monitor_results WHERE monitor_id = ? AND window = ? AND generation = ?");
    if (!query)
        return query.error();
    query->bind(1, monitorId).bind(2, window).bind(3, generation);
    auto row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<MonitorReport>();
    auto report = reportFromJson(query->columnText(0));
    if (!report) // written by an older version: compute it again
        return std::optional<MonitorReport>();
    return std::optional<MonitorReport>(std::move(*report));
}

Status storeReport(workspace::Database &database, std::int64_t monitorId, const MonitorReport &report)
{
    return database.transaction([&]() -> Status {
        auto insert = database.prepare("INSERT OR REPLACE INTO monitor_results(monitor_id, window, generation, "
                                       "computed_ms, report) VALUES (?, ?, ?, ?, ?)");
        if (!insert)
            return insert.error();
        insert->bind(1, monitorId).bind(2, report.window).bind(3, report.generation);
        insert->bind(4, report.computedMs).bind(5, reportJson(report));
        return insert->run();
    });
}

} // namespace assay::monitor
