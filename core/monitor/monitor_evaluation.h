#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "monitor/monitor_report.h"
#include "monitor/window_spec.h"
#include "table/table.h"

#include <cstdint>
#include <optional>
#include <string>

namespace assay::workspace {
class Workspace;
}

namespace assay::monitor {

// Computes (or returns the cached) report of a monitor: reads its reference (the configured
// dataset, else the run's "test" dataset, else its training data), scores it with the model,
// fits the isotonic calibrator and the reconstruction model on it, cuts the reference into
// chunks the size of a typical window for the metric bands, then streams the logged rows in
// time order window by window (memory bounded by one window), testing each against the
// reference with the drift module, and applies the alert rules. `window` overrides the
// monitor's window spec without changing it. The result is cached in monitor_results until
// the monitor's generation moves on. NotFound for an unknown monitor; InvalidInput when the
// reference has none of the model's features.
Result<MonitorReport> evaluateMonitor(workspace::Workspace &workspace, const std::string &monitorName,
                                      const std::optional<WindowSpec> &window = std::nullopt,
                                      const Progress &progress = {});

// The logged rows of [startNs, endNs) as a table with the reference's feature columns (types
// taken from the reference), plus "prediction" and "label" when present, for the Drift view of
// one window. `maxRows` caps what is read (0: no cap).
Result<table::Table> windowRows(workspace::Workspace &workspace, const std::string &monitorName,
                                std::int64_t startNs, std::int64_t endNs, std::uint64_t maxRows = 0);

// The monitor's reference as the evaluation reads it (features and target), for the same view.
Result<table::Table> referenceRows(workspace::Workspace &workspace, const std::string &monitorName);

} // namespace assay::monitor
