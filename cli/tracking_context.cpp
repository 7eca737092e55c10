#include "tracking_context.h"

#include "command_workspace.h"

#include <cstdlib>

namespace assay::cli {

Result<workspace::Workspace> openTrackingWorkspace(const CommandContext &context)
{
    const char *fromRun = std::getenv("ASSAY_WORKSPACE");
    if (!context.workspace && fromRun && *fromRun)
        return workspace::Workspace::open(fromRun);
    return openCommandWorkspace(context);
}

Result<std::string> targetRunId(const CommandContext &context)
{
    if (auto run = context.arguments.value("run"); run && !run->empty())
        return *run;
    if (const char *fromRun = std::getenv("ASSAY_RUN_ID"); fromRun && *fromRun)
        return std::string(fromRun);
    return Error::invalidInput("no run to log to: ASSAY_RUN_ID is not set; start the script "
                               "with `assay run -- COMMAND` or pass --run RUN_ID");
}

} // namespace assay::cli
