#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace assay::track {

// How to run a command whose output is teed: it inherits stdin, and its stdout and stderr
// come back through `onStdout`/`onStderr` as they arrive.
struct ChildCommand {
    std::vector<std::string> argv;                  // searched in PATH like a shell does
    std::map<std::string, std::string> environment; // added to (or replacing) ours
    std::function<void(std::string_view)> onStdout;
    std::function<void(std::string_view)> onStderr;
    std::function<void()> onTick; // called about every `tickInterval`
    std::chrono::milliseconds tickInterval{250};
    // When cancelled (first Ctrl-C), the child gets a moment to stop on its own (the terminal
    // sent it SIGINT too), then SIGINT, then SIGKILL.
    CancellationToken cancellation;
};

struct ChildOutcome {
    int exitCode = 0; // the child's exit status, or 128 + signal when a signal ended it
    int signal = 0;   // the signal that ended it, 0 when it exited
    bool cancelled = false;
};

// Runs the command to its end. An error only when it could not be started (the message
// names the program).
Result<ChildOutcome> runChild(const ChildCommand &command);

} // namespace assay::track
