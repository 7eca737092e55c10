#pragma once

namespace assay::cli {

// Runs `assay ARGS...` and returns the process exit code:
// 0 success, 1 a check found a problem, 2 bad usage or unreadable input, 130 cancelled.
int run(int argc, char *argv[]);

} // namespace assay::cli
