#pragma once

#include "report_runner.h"

namespace assay::app {

// `assay report` in assay-report: opens the workspace, exports the report (ui/report) and
// prints where it went, or the error with the CLI's exit codes.
int runReportExport(cli::CommandContext &context, const cli::ReportOptions &options);

} // namespace assay::app
