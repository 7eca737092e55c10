#pragma once

#include "runs/run_column.h"
#include "runs/run_group.h"
#include "track/run_filter_parser.h"

#include <QSet>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace assay::ui {

struct RunsSnapshot;

// What the runs table shows of a snapshot: which runs, in what order, how grouped.
struct RunsTableOptions {
    QString experiment;                              // every experiment when empty
    std::shared_ptr<const track::FilterNode> filter; // every run when null
    bool showDeleted = false;
    bool showHidden = false; // hidden runs stay in the table, greyed
    QSet<QString> pinned;    // run ids; first among their siblings whatever the sort
    QSet<QString> hidden;
    std::optional<RunColumn> groupBy;
    std::optional<RunColumn> sortColumn; // the snapshot's order (newest first) when unset
    bool descending = false;
    QList<RunColumn> aggregated; // metric columns a group row summarises
};

// One row of the tree: a run, or a group of runs. Children are nested runs (parentRunId)
// or, for a group, the runs in it.
struct RunsTableNode {
    enum class Kind { Run, Group };
    Kind kind = Kind::Run;
    int parent = -1; // node index; -1 at the top level
    int row = 0;     // position among its parent's children
    std::vector<int> children;
    std::size_t run = 0; // snapshot index (Run)
    int group = -1;      // index into RunsTableLayout::groups (Group)
};

struct RunsTableGroup {
    RunGroup members; // runs directly in the group, nested runs not counted
    std::vector<std::optional<MetricAggregate>> aggregates; // per RunsTableOptions::aggregated
};

struct RunsTableLayout {
    std::vector<RunsTableNode> nodes;
    std::vector<int> topLevel;
    std::vector<RunsTableGroup> groups;
    int runsInScope = 0; // in the experiment, not deleted (unless shown)
    int runsShown = 0;   // of those, what the filter and the hidden marks let through
    bool hasRunning = false;
};

// Filters, nests, groups and sorts in one pass; O(n log n) in the number of runs.
RunsTableLayout buildRunsTableLayout(const RunsSnapshot &snapshot, const RunsTableOptions &options,
                                     qint64 nowMs);

} // namespace assay::ui
