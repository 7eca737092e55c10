#include "track/run_record.h"

#include <array>
#include <utility>

namespace assay::track {

namespace {
constexpr std::array<std::pair<RunStatus, std::string_view>, 5> kNames{{
    {RunStatus::Running, "RUNNING"},
    {RunStatus::Scheduled, "SCHEDULED"},
    {RunStatus::Finished, "FINISHED"},
    {RunStatus::Failed, "FAILED"},
    {RunStatus::Killed, "KILLED"},
}};
} // namespace

std::string_view statusName(RunStatus status)
{
    for (const auto &[value, name] : kNames)
        if (value == status)
            return name;
    return "RUNNING";
}

std::optional<RunStatus> statusFromName(std::string_view name)
{
    for (const auto &[value, text] : kNames)
        if (text == name)
            return value;
    return std::nullopt;
}

RunKeys keysOf(const std::vector<RunRecord> &runs, std::optional<std::string_view> experiment)
{
    RunKeys keys;
    for (const RunRecord &run : runs) {
        if (experiment && run.info.experiment != *experiment)
            continue;
        for (const auto &entry : run.params)
            keys.params.insert(entry.first);
        for (const auto &entry : run.latestMetrics)
            keys.metrics.insert(entry.first);
        for (const auto &entry : run.tags)
            keys.tags.insert(entry.first);
    }
    return keys;
}

} // namespace assay::track
