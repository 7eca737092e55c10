#pragma once

#include "common/theme.h"
#include "track/run_record.h"

#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace assay::ui {

enum class ComparisonSection { Metrics, Params, Run, Tags, Datasets, Artifacts };

QString sectionTitle(ComparisonSection section);

// One run's value in a comparison row.
struct ComparisonCell {
    bool present = false;           // false: the run has no such field (shown as "—")
    QString display;                // what the cell shows (numbers with 4 significant digits)
    QString exact;                  // the full value: compared across runs, shown in the tooltip
    QString detail;                 // extra tooltip lines (full ids, paths, relative times)
    double number = 0;              // metrics and durations: the value itself
    bool numeric = false;           // right-aligned
    std::optional<StatusTone> tone; // the Status row: a dot in the status colour
};

// One field across every compared run.
struct ComparisonRow {
    ComparisonSection section = ComparisonSection::Run;
    QString key;   // the param, metric or tag key; the field name in the Run section
    QString label; // what the row header shows
    std::vector<ComparisonCell> cells; // one per run, in run order
    bool differs = false;              // the runs' exact values (or presence) are not all the same
    bool numeric = false; // some run's value is a number: the whole row is right-aligned
};

// The rows comparing `runs` section by section: Run (status, start, duration, user, git
// commit, command, parent run, …), Params, Metrics (latest value), Tags, then Datasets and
// Artifacts (only what the records hold: listRuns leaves those two empty). `runNames` names
// parent runs by id when known; otherwise a parent shows as its short id.
std::vector<ComparisonRow> buildComparisonRows(const std::vector<track::RunRecord> &runs,
                                               const std::map<std::string, QString> &runNames,
                                               std::int64_t nowMs);

// "1 h 02 min", "3 min 12 s", "4.2 s".
QString durationText(double seconds);

} // namespace assay::ui
