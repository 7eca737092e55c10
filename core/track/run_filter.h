#pragma once

#include "common/result.h"
#include "track/run_filter_parser.h"
#include "track/run_record.h"

#include <string_view>
#include <vector>

namespace assay::track {

// True when `run` satisfies `filter`. A comparison on a metric, param or tag the run does
// not have is false (as in MLflow), also for != and NOT IN. Metrics compare as numbers
// (NaN matches nothing but !=); params, tags and text attributes as strings; LIKE is
// case-sensitive with % and _ wildcards, ILIKE is not.
bool matchesFilter(const FilterNode &filter, const RunRecord &run);

// SQL LIKE: % any run of characters, _ one character (UTF-8 aware), nothing escaped.
bool likeMatch(std::string_view text, std::string_view pattern, bool caseInsensitive);

// Sorts by a field as parseRunField reads it (`metrics.auc`, `params.lr`, `start_time`,
// `name`…): numbers numerically, params numerically when both parse as numbers; runs
// without the field go last in either direction; ties keep start time, newest first.
void sortRuns(std::vector<RunRecord> &runs, const Comparison &field, bool descending);

} // namespace assay::track
