#pragma once

// Helpers the `assay runs ...` commands share (runs_commands.cpp, runs_compare_export.cpp).
#include "command.h"
#include "common/result.h"
#include "track/run_record.h"
#include "workspace/workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace assay::cli {

// The workspace from --workspace or the nearest folder upward holding .assay/.
Result<workspace::Workspace> openRunsWorkspace(const CommandContext &context);
// Local "yyyy-MM-dd HH:mm:ss", or "-" when unset.
std::string localTime(const std::optional<std::int64_t> &ms);
// A metric value for people: compact numbers, "NaN", "Infinity", "-Infinity".
std::string metricText(double value);
// Prints rows as columns padded to their widest cell, two spaces apart.
void printTable(const std::vector<std::vector<std::string>> &rows);
// --experiment, --filter, --sort, --desc, --deleted, --all.
std::vector<OptionSpec> selectionOptions();
// Runs selected by those options; filter and sort errors name the column.
Result<std::vector<track::RunRecord>> selectRuns(workspace::Database &db,
                                                 const CommandContext &context);

int runCompare(CommandContext &context); // assay runs compare
int runExport(CommandContext &context);  // assay runs export

} // namespace assay::cli
