#include "tracking_context.h"

#include <cstdlib>

namespace assay::cli {

namespace fs = std::filesystem;

Result<workspace::Workspace> openTrackingWorkspace(const CommandContext &context)
{
    if (context.workspace)
        return workspace::Workspace::open(*context.workspace);
    if (const char *fromRun = std::getenv("ASSAY_WORKSPACE"); fromRun && *fromRun)
        return workspace::Workspace::open(fromRun);
    const auto found = workspace::Workspace::discover(fs::current_path());
    if (!found)
        return Error::notFound(fs::current_path().string() +
                               ": not inside an Assay workspace; run `assay init` or pass "
                               "--workspace DIR");
    return workspace::Workspace::open(*found);
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
