#pragma once

#include "command.h"

#include <vector>

namespace assay::cli {

// Every `assay` subcommand, in the order `assay help` lists them.
const std::vector<Command> &commands();
const Command *findCommand(const std::string &name);

// Each area registers its commands through one function (see commands/*.cpp).
void addWorkspaceCommands(std::vector<Command> &into);
void addTableCommands(std::vector<Command> &into);
void addDataCommands(std::vector<Command> &into);    // assay data add|status|checkout|gc|push|pull, commit
void addHistoryCommands(std::vector<Command> &into); // assay data log, assay diff
void addProfileCommands(std::vector<Command> &into); // assay profile
void addValidateCommands(std::vector<Command> &into); // assay schema infer, assay validate
void addDriftCommands(std::vector<Command> &into);   // assay drift
void addTrackingCommands(std::vector<Command> &into); // assay run, then the log commands
void addLogCommands(std::vector<Command> &into);      // assay log metric|param|tag|artifact|dataset
void addRunsCommands(std::vector<Command> &into);
void addTrainCommand(std::vector<Command> &into);    // assay train
void addPredictCommand(std::vector<Command> &into);  // assay predict
void addEvaluateCommand(std::vector<Command> &into); // assay evaluate
void addTestCommand(std::vector<Command> &into);     // assay test    // assay runs list|show|metric|compare|delete|restore|export|import-mlflow
void addExplainCommands(std::vector<Command> &into); // assay explain shap|kernel|lime|permutation|pdp
void addAuditCommands(std::vector<Command> &into);   // assay audit log|verify|checkpoint|key
void addRegistryCommands(std::vector<Command> &into); // assay registry register|list|show|gate|check|promote|alias
void addUsersCommands(
    std::vector<Command> &into); // assay users list|add|set-role|passwd|remove, whoami
void addFairnessCommand(std::vector<Command> &into);  // assay fairness
void addPrivacyCommands(std::vector<Command> &into);  // assay privacy budget|release|ledger
void addCardCommands(std::vector<Command> &into);    // assay card show|edit
void addReportCommand(std::vector<Command> &into);   // assay report (rendered by assay-report)
void addMonitorStatusCommands(std::vector<Command> &into); // assay monitor status|check|rules|list
void addMonitorIngestCommand(std::vector<Command> &into); // assay monitor ingest
void addMonitorExportCommand(std::vector<Command> &into); // assay monitor export
void addServeCommand(std::vector<Command> &into);         // assay serve --metrics

} // namespace assay::cli
