#pragma once

#include <string>
#include <vector>

namespace assay::cli {

// `assay help`: every command with its summary.
void printOverview();
// `assay help COMMAND...`: usage, options and an example; exit code 2 for an unknown command.
int runHelp(const std::vector<std::string> &words);

} // namespace assay::cli
