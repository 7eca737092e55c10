#include "runs/metric_chart_loader.h"

#include "track/run_query.h"
#include "workspace/workspace.h"

namespace assay::ui {

namespace {

std::size_t missingCount(const std::vector<MetricChartRequest> &requests)
{
    std::size_t missing = 0;
    for (const MetricChartRequest &request : requests)
        for (const RunHistoryInput &run : request.runs)
            missing += run.history ? 0 : 1;
    return missing;
}

Result<MetricHistory> readHistory(workspace::Database &db, const QString &runId, const QString &key)
{
    auto points = track::metricHistory(db, runId.toStdString(), key.toStdString());
    if (!points) {
        if (points.error().kind == ErrorKind::NotFound)
            return MetricHistory(std::make_shared<const std::vector<track::MetricPoint>>());
        return points.error();
    }
    return MetricHistory(
        std::make_shared<const std::vector<track::MetricPoint>>(std::move(*points)));
}

} // namespace

Result<MetricChartsResult> loadMetricCharts(const std::filesystem::path &root,
                                            std::vector<MetricChartRequest> requests,
                                            const MetricChartOptions &options,
                                            const Progress &progress)
{
    MetricChartsResult result;
    const std::size_t missing = missingCount(requests);
    if (missing > 0) {
        auto workspace = workspace::Workspace::open(root);
        if (!workspace)
            return workspace.error();
        std::size_t done = 0;
        for (MetricChartRequest &request : requests) {
            for (RunHistoryInput &run : request.runs) {
                if (run.history)
                    continue;
                if (progress.isCancelled())
                    return Error::cancelled();
                auto history = readHistory(workspace->database(), run.runId, request.key);
                if (!history)
                    return history.error();
                run.history = *history;
                result.read.push_back({run.runId, request.key, run.history});
                progress.report(0.8 * double(++done) / double(missing), "reading metric histories");
            }
        }
    }
    result.charts.reserve(requests.size());
    for (const MetricChartRequest &request : requests) {
        if (progress.isCancelled())
            return Error::cancelled();
        result.charts.push_back(buildMetricChartData(request.key, request.runs, options));
    }
    return result;
}

} // namespace assay::ui
