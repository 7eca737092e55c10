#pragma once

#include "runs/run_column.h"

#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

namespace assay::ui {

struct RunsSnapshot;

// min/mean/max of one metric over the runs of a group that have a number for it (NaN and
// missing values left out; ±inf counted).
struct MetricAggregate {
    int count = 0;
    double min = 0;
    double mean = 0;
    double max = 0;
};

// Runs that share the value of the group-by column ("params.max_depth = 6").
struct RunGroup {
    QString value;                 // as the runs hold it; empty when `missing`
    bool missing = false;          // the runs that lack the key, listed last
    std::vector<std::size_t> runs; // indexes into RunsSnapshot::runs, in the caller's order
};

// Splits `runs` (snapshot indexes) by their value in `column`: groups ordered by value,
// numerically when every value reads as a number, the group of runs without it last.
// Runs keep their relative order inside a group.
std::vector<RunGroup> groupRuns(const RunsSnapshot &snapshot, const std::vector<std::size_t> &runs,
                                const RunColumn &column);

// The aggregate of metric `key` over `runs`; nullopt when none of them has a number for it.
std::optional<MetricAggregate> aggregateMetric(const RunsSnapshot &snapshot,
                                               const std::vector<std::size_t> &runs,
                                               const std::string &key);

} // namespace assay::ui
