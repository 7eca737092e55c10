#pragma once

// Helpers the `assay runs ...` commands share (runs_commands.cpp, runs_compare_export.cpp).
#include "command.h"
#include "command_workspace.h"
#include "common/result.h"
#include "track/run_record.h"
#include "workspace/workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace assay::cli {

// Local "yyyy-MM-dd HH:mm:ss", or "-" when unset.
std::string localTime(const std::optional<std::int64_t> &ms);
// A metric value for people: compact numbers, "NaN", "Infinity", "-Infinity".
std::string metricText(double value);
// Prints rows as columns padded to their widest cell, two spaces apart.
void printTable(const std::vector<std::vector<std::string>> &rows);
// --experiment, --filter, --sort, --desc, --deleted, --all.
std::vector<OptionSpec> selectionOptions();
// The workspace's runs selected by those options (the command takes no other argument);
// filter and sort errors name the column.
Result<std::vector<track::RunRecord>> selectRuns(const CommandContext &context);

int runCompare(CommandContext &context); // assay runs compare
int runExport(CommandContext &context);  // assay runs export

} // namespace assay::cli
