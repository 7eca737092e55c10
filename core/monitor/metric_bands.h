#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "monitor/monitor_report.h"
#include "monitor/window_metrics.h"

#include <cstdint>
#include <map>
#include <string>

namespace assay::monitor {

// The metrics whose normal range comes from the reference's own chunks.
const std::vector<std::string> &bandedMetrics();

// The reference cut into consecutive chunks of `windowRows` rows (fewer when that leaves under
// kMinBandChunks chunks), each tested like a window; a metric's band is the chunks' mean ± 3
// standard deviations. Metrics with fewer than two chunk values get no band.
Result<std::map<std::string, MetricBand>> referenceBands(const WindowEvaluator &evaluator, std::size_t referenceRows,
                                                         std::uint64_t windowRows, const Progress &progress = {});

inline constexpr std::size_t kMinBandChunks = 5;

} // namespace assay::monitor
