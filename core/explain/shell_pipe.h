#pragma once

#include "common/progress.h"
#include "common/result.h"

#include <string>
#include <string_view>

namespace assay::explain {

struct ShellPipeOutcome {
    int exitCode = 0; // the exit status; 128 + signal when a signal ended it
    int signal = 0;   // the signal that ended it, 0 when it exited
    bool cancelled = false;
    bool outputLimitReached = false; // stdout passed the limit and the group was killed
    std::string output;              // all of stdout (up to the limit)
    std::string errorTail;           // the end of stderr (at most about 64 KiB)
};

// Runs `/bin/sh -c command` in its own process group, writing `input` to its stdin while reading
// its stdout and stderr, so a large batch cannot deadlock on full pipes. A child that stops
// reading early is no error here (the caller judges its output). Cancelling, or stdout growing
// past `maxOutputBytes`, kills the whole group. Once the shell has exited, whatever it left
// running in its group is killed as soon as nothing more arrives, so a background process
// holding the pipes open cannot hang the caller. An error only when the shell could not be
// started or waiting for it failed.
Result<ShellPipeOutcome> runShellPipe(const std::string &command, std::string_view input,
                                      std::size_t maxOutputBytes,
                                      const CancellationToken &cancellation);

} // namespace assay::explain
