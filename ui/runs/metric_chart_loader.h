#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "runs/metric_chart_data.h"

#include <filesystem>
#include <vector>

namespace assay::ui {

// One chart to build: a metric key and the runs to draw, each with its history when the
// cache had it, or a null history to read from the store.
struct MetricChartRequest {
    QString key;
    std::vector<RunHistoryInput> runs;
};

// A history the worker read, for the GUI thread to put into the cache.
struct ReadMetricHistory {
    QString runId;
    QString key;
    MetricHistory history;
};

struct MetricChartsResult {
    std::vector<MetricChartData> charts; // one per request, in order
    std::vector<ReadMetricHistory> read;
};

// The worker side of the charts: opens the workspace at `root` only when some history is
// missing, reads those (a run that never logged the key charts nothing), then builds every
// chart's lines. Cancelled when `progress` asks to stop.
Result<MetricChartsResult> loadMetricCharts(const std::filesystem::path &root,
                                            std::vector<MetricChartRequest> requests,
                                            const MetricChartOptions &options,
                                            const Progress &progress);

} // namespace assay::ui
