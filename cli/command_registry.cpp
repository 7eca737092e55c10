#include "command_registry.h"

#include <algorithm>

namespace assay::cli {

const std::vector<Command> &commands()
{
    static const std::vector<Command> all = [] {
        std::vector<Command> list;
        addWorkspaceCommands(list);
        addTableCommands(list);
        addDataCommands(list);
        addHistoryCommands(list);
        addProfileCommands(list);
        addValidateCommands(list);
        addDriftCommands(list);
        addTrackingCommands(list);
        addRunsCommands(list);
        addTrainCommand(list);
        addPredictCommand(list);
        addEvaluateCommand(list);
        addTestCommand(list);
        addExplainCommands(list);
        addAuditCommands(list);
        addRegistryCommands(list);
        addUsersCommands(list);
        addFairnessCommand(list);
        addPrivacyCommands(list);
        addCardCommands(list);
        addReportCommand(list);
        addMonitorStatusCommands(list);
        addMonitorIngestCommand(list);
        addMonitorExportCommand(list);
        addServeCommand(list);
        return list;
    }();
    return all;
}

const Command *findCommand(const std::string &name)
{
    const auto &all = commands();
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const Command &c) { return c.name == name; });
    return it == all.end() ? nullptr : &*it;
}

} // namespace assay::cli
