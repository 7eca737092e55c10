#include "run_json.h"

#include "json_writer.h"
#include "output.h"

#include <cmath>

namespace assay::cli {

namespace {

QJsonValue optionalMs(const std::optional<std::int64_t> &ms)
{
    return ms ? QJsonValue(static_cast<qint64>(*ms)) : QJsonValue();
}

QJsonValue optionalText(const std::optional<std::string> &text)
{
    return text ? QJsonValue(qs(*text)) : QJsonValue();
}

QJsonObject textMap(const std::map<std::string, std::string> &values)
{
    QJsonObject object;
    for (const auto &[key, value] : values)
        object.insert(qs(key), qs(value));
    return object;
}

void textObject(JsonWriter &json, const char *name,
                const std::map<std::string, std::string> &values)
{
    json.key(name);
    json.beginObject();
    for (const auto &[key, value] : values) {
        json.key(key);
        json.string(value);
    }
    json.endObject();
}

} // namespace

QJsonValue metricToJson(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return value;
}

QJsonObject runSummaryToJson(const track::RunRecord &run)
{
    QJsonObject metrics;
    for (const auto &[key, point] : run.latestMetrics)
        metrics.insert(qs(key), metricToJson(point.value));
    return {{QStringLiteral("run_id"), qs(run.info.runId)},
            {QStringLiteral("experiment"), qs(run.info.experiment)},
            {QStringLiteral("name"), qs(run.info.name)},
            {QStringLiteral("status"), qs(std::string(track::statusName(run.info.status)))},
            {QStringLiteral("start_time"), optionalMs(run.info.startMs)},
            {QStringLiteral("end_time"), optionalMs(run.info.endMs)},
            {QStringLiteral("params"), textMap(run.params)},
            {QStringLiteral("metrics"), metrics},
            {QStringLiteral("tags"), textMap(run.tags)}};
}

std::string runSummariesJsonText(const std::vector<track::RunRecord> &runs)
{
    JsonWriter json(runs.size() * 1024);
    json.beginArray();
    for (const auto &run : runs) {
        const auto &info = run.info;
        json.beginObject();
        json.key("run_id");
        json.string(info.runId);
        json.key("experiment");
        json.string(info.experiment);
        json.key("name");
        json.string(info.name);
        json.key("status");
        json.string(track::statusName(info.status));
        for (const auto &[name, ms] :
             {std::pair{"start_time", &info.startMs}, std::pair{"end_time", &info.endMs}}) {
            json.key(name);
            if (*ms)
                json.integer(**ms);
            else
                json.null();
        }
        textObject(json, "params", run.params);
        json.key("metrics");
        json.beginObject();
        for (const auto &[key, point] : run.latestMetrics) {
            json.key(key);
            json.number(point.value);
        }
        json.endObject();
        textObject(json, "tags", run.tags);
        json.endObject();
    }
    json.endArray();
    return std::move(json).text();
}

QJsonObject runDetailToJson(const track::RunRecord &run)
{
    QJsonObject object = runSummaryToJson(run);
    object.insert(QStringLiteral("user"), qs(run.info.user));
    object.insert(QStringLiteral("git_commit"), optionalText(run.info.gitCommit));
    object.insert(QStringLiteral("git_dirty"),
                  run.info.gitDirty ? QJsonValue(*run.info.gitDirty) : QJsonValue());
    object.insert(QStringLiteral("command"), optionalText(run.info.command));
    object.insert(QStringLiteral("parent_run_id"), optionalText(run.info.parentRunId));
    object.insert(QStringLiteral("deleted"), run.info.deleted);
    object.insert(QStringLiteral("origin"), qs(run.info.origin));
    QJsonObject steps;
    for (const auto &[key, point] : run.latestMetrics)
        steps.insert(qs(key), QJsonObject{{QStringLiteral("step"), static_cast<qint64>(point.step)},
                                          {QStringLiteral("timestamp"),
                                           static_cast<qint64>(point.timestampMs)},
                                          {QStringLiteral("value"), metricToJson(point.value)}});
    object.insert(QStringLiteral("latest_metrics"), steps);
    QJsonArray artifacts;
    for (const auto &a : run.artifacts)
        artifacts.append(QJsonObject{
            {QStringLiteral("path"), qs(a.path)},
            {QStringLiteral("md5"), a.md5.empty() ? QJsonValue() : QJsonValue(qs(a.md5))},
            {QStringLiteral("size"),
             a.md5.empty() ? QJsonValue() : QJsonValue(static_cast<qint64>(a.size))}});
    object.insert(QStringLiteral("artifacts"), artifacts);
    QJsonArray datasets;
    for (const auto &d : run.datasets)
        datasets.append(QJsonObject{{QStringLiteral("name"), qs(d.name)},
                                    {QStringLiteral("path"), qs(d.path)},
                                    {QStringLiteral("md5"), qs(d.md5)},
                                    {QStringLiteral("revision"), qs(d.revision)},
                                    {QStringLiteral("context"), qs(d.context)}});
    object.insert(QStringLiteral("datasets"), datasets);
    return object;
}

QJsonArray metricHistoryToJson(const std::vector<track::MetricPoint> &points)
{
    QJsonArray array;
    for (const auto &p : points)
        array.append(QJsonObject{{QStringLiteral("step"), static_cast<qint64>(p.step)},
                                 {QStringLiteral("timestamp"), static_cast<qint64>(p.timestampMs)},
                                 {QStringLiteral("value"), metricToJson(p.value)}});
    return array;
}

} // namespace assay::cli
