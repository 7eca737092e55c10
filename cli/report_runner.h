#pragma once

#include "command.h"

#include <filesystem>
#include <functional>
#include <string>

namespace assay::cli {

// What `assay report` was asked for, its options already checked.
struct ReportOptions {
    std::string model; // NAME[:VERSION], NAME@ALIAS; or empty
    std::string run;   // a run id, prefix or name; or empty
    std::filesystem::path out;
};

// Rendering the report needs Qt's GUI modules (fonts, QPdfWriter, the chart widgets), which
// the `assay` binary must not link: it runs on servers and in CI without them (see
// tests/core/test_layering.cpp). So the `report` command lives here, with its options and
// help, and the work is done by `assay-report` (app/report, built with the GUI): the same CLI
// with a QApplication on the offscreen platform and a runner installed through this hook.
// Without a runner, `assay report` runs the assay-report program next to its own executable
// with the same arguments and returns its exit code.
using ReportRunner = std::function<int(CommandContext &context, const ReportOptions &options)>;
void installReportRunner(ReportRunner runner);

} // namespace assay::cli
