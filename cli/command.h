#pragma once

#include "arguments.h"
#include "common/progress.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace assay::cli {

enum ExitCode : int {
    ExitOk = 0,
    ExitCheckFailed = 1, // the check ran and found a problem
    ExitUsage = 2,       // bad usage or unreadable input
    ExitCancelled = 130, // interrupted by Ctrl-C
};

// What every command receives: its own arguments and the global options.
struct CommandContext {
    Arguments arguments;
    bool json = false;
    std::optional<std::filesystem::path> workspace; // --workspace, when given
    Progress progress;                              // draws on stderr when it is a terminal
};

struct Command {
    std::string name;      // may contain a space for nested commands, e.g. "data add"
    std::string summary;   // one line for `assay help`
    std::string usage;     // arguments after the name
    std::string details;   // a paragraph for `assay help NAME`
    std::string example;
    std::vector<OptionSpec> options;
    std::function<int(CommandContext &)> run;
};

} // namespace assay::cli
