#pragma once

// Reads and writes of the registry tables (migration 5), shared by the registry's functions.
// Writers expect to run inside the caller's transaction.
#include "common/result.h"
#include "govern/model_registry.h"

#include <optional>
#include <string>
#include <vector>

namespace assay::workspace {
class Database;
}

namespace assay::govern::registry {

// The model without its versions; NotFound "no registered model 'NAME'".
Result<RegisteredModel> loadModel(workspace::Database &db, const std::string &name);
Result<std::vector<RegisteredModel>> loadModels(workspace::Database &db);
// Every version of NAME with its aliases, by version number.
Result<std::vector<ModelVersion>> loadVersions(workspace::Database &db, const std::string &name);
// NotFound "credit-risk has no version 3".
Result<ModelVersion> loadVersion(workspace::Database &db, const std::string &name, int version);

Result<std::string> loadGateJson(workspace::Database &db, const std::string &name);
Status storeGateJson(workspace::Database &db, const std::string &name, const std::string &json);

Status insertModel(workspace::Database &db, const RegisteredModel &model);
Status insertVersion(workspace::Database &db, const ModelVersion &version);
Result<int> nextVersionNumber(workspace::Database &db, const std::string &name);
Status updateStage(workspace::Database &db, const std::string &name, int version, Stage stage);
// The version that holds ALIAS, if any.
Result<std::optional<int>> aliasTarget(workspace::Database &db, const std::string &name,
                                       const std::string &alias);
Status pointAlias(workspace::Database &db, const std::string &name, const std::string &alias, int version);

Status insertTransition(workspace::Database &db, const Transition &transition);
// Oldest first (by id).
Result<std::vector<Transition>> loadTransitions(workspace::Database &db, const std::string &name,
                                                std::optional<int> version);

} // namespace assay::govern::registry
