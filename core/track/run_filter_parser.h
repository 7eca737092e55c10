#pragma once

#include "common/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace assay::track {

// What a comparison looks at: a run's metrics, params, tags or one of its attributes.
enum class FilterEntity { Metric, Param, Tag, Attribute };

// The attributes a filter or a sort can name; MLflow's names, plus `experiment`.
enum class RunAttribute { RunId, RunName, Status, StartTime, EndTime, User, Experiment };

enum class CompareOp {
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Like,
    ILike,
    In,
    NotIn
};

struct FilterValue {
    bool isNumber = false;
    double number = 0;
    std::string text; // the string, or the number as written (so params.depth = 6 matches '6')
};

struct Comparison {
    FilterEntity entity = FilterEntity::Attribute;
    std::string key;                              // metric, param or tag key
    RunAttribute attribute = RunAttribute::RunId; // when entity is Attribute
    CompareOp op = CompareOp::Equal;
    std::vector<FilterValue> values; // one, or the IN list
};

// A parsed filter: a tree of and/or over comparisons. An empty filter matches every run.
struct FilterNode {
    enum class Kind { MatchAll, And, Or, Compare };
    Kind kind = Kind::MatchAll;
    std::vector<FilterNode> children; // And, Or
    Comparison comparison;            // Compare
};

// Parses MLflow's search syntax with `and` binding tighter than `or` and parentheses:
// `metrics.auc > 0.8 and (params.depth = '6' or tags.team IN ('risk', 'ops'))`.
// Errors read "filter:1:COL: MESSAGE" plus the filter and a caret line.
Result<FilterNode> parseFilter(std::string_view filter);

// `metrics.auc`, `params.lr`, `tags.team`, `start_time`, `attributes.run_name`, `name`…
// as the entity and attribute a sort or a filter means; nullopt-like error when unknown.
Result<Comparison> parseRunField(std::string_view field);

} // namespace assay::track
