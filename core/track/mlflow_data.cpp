#include "track/mlflow_data.h"

#include "track/latest_metric.h"

#include <algorithm>

namespace assay::track {

MetricPoint latestPoint(const std::vector<MetricPoint> &points)
{
    MetricPoint latest = points.front();
    for (const auto &p : points)
        if (replacesLatest(p, latest))
            latest = p;
    return latest;
}

void completeFromTags(MlflowRun &run)
{
    RunInfo &info = run.record.info;
    const auto &tags = run.record.tags;
    auto tag = [&](const char *key) -> const std::string * {
        const auto it = tags.find(key);
        return it == tags.end() ? nullptr : &it->second;
    };
    if (info.name.empty())
        if (const auto *name = tag("mlflow.runName"))
            info.name = *name;
    if (info.user.empty())
        if (const auto *user = tag("mlflow.user"))
            info.user = *user;
    if (const auto *commit = tag("mlflow.source.git.commit"))
        info.gitCommit = *commit;
    if (const auto *parent = tag("mlflow.parentRunId"); parent && !parent->empty())
        info.parentRunId = *parent;
    if (const auto *source = tag("mlflow.source.name"))
        info.command = *source;
    info.origin = "mlflow";
    run.record.latestMetrics.clear();
    for (const auto &[key, points] : run.history)
        if (!points.empty())
            run.record.latestMetrics[key] = latestPoint(points);
}

std::vector<std::string> relativeFilesBelow(const std::filesystem::path &dir)
{
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec))
            files.push_back(it->path().lexically_relative(dir).generic_string());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace assay::track
