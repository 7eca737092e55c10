#include "command_workspace.h"

#include <filesystem>

namespace assay::cli {

Result<workspace::Workspace> openCommandWorkspace(const CommandContext &context)
{
    namespace fs = std::filesystem;
    if (context.workspace)
        return workspace::Workspace::open(*context.workspace);
    const auto found = workspace::Workspace::discover(fs::current_path());
    if (!found)
        return Error::notFound(fs::current_path().string() +
                               ": not inside an Assay workspace; run `assay init` or pass "
                               "--workspace DIR");
    return workspace::Workspace::open(*found);
}

} // namespace assay::cli
