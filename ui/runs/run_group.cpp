#include "runs/run_group.h"

#include "runs/runs_snapshot.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace assay::ui {

std::vector<RunGroup> groupRuns(const RunsSnapshot &snapshot, const std::vector<std::size_t> &runs,
                                const RunColumn &column)
{
    std::map<QString, std::vector<std::size_t>> byValue;
    RunGroup missing;
    missing.missing = true;
    for (const std::size_t index : runs) {
        if (const auto text = runText(snapshot.runs[index], column))
            byValue[*text].push_back(index);
        else
            missing.runs.push_back(index);
    }

    std::vector<RunGroup> groups;
    groups.reserve(byValue.size() + 1);
    bool allNumeric = true;
    for (auto &[value, members] : byValue) {
        bool isNumber = false;
        value.toDouble(&isNumber);
        allNumeric = allNumeric && isNumber;
        groups.push_back({value, false, std::move(members)});
    }
    if (allNumeric) {
        std::stable_sort(groups.begin(), groups.end(), [](const RunGroup &a, const RunGroup &b) {
            return a.value.toDouble() < b.value.toDouble();
        });
    }
    if (!missing.runs.empty())
        groups.push_back(std::move(missing));
    return groups;
}

std::optional<MetricAggregate> aggregateMetric(const RunsSnapshot &snapshot,
                                               const std::vector<std::size_t> &runs,
                                               const std::string &key)
{
    MetricAggregate aggregate;
    aggregate.min = std::numeric_limits<double>::infinity();
    aggregate.max = -std::numeric_limits<double>::infinity();
    double sum = 0;
    for (const std::size_t index : runs) {
        const auto &metrics = snapshot.runs[index].latestMetrics;
        const auto found = metrics.find(key);
        if (found == metrics.end() || std::isnan(found->second.value))
            continue;
        const double value = found->second.value;
        ++aggregate.count;
        sum += value;
        aggregate.min = std::min(aggregate.min, value);
        aggregate.max = std::max(aggregate.max, value);
    }
    if (aggregate.count == 0)
        return std::nullopt;
    aggregate.mean = sum / aggregate.count;
    return aggregate;
}

} // namespace assay::ui
