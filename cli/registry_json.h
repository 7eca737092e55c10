#pragma once

// The JSON shapes of `assay registry ... --json` (documented in each command's help).
#include "govern/model_registry.h"

#include <QJsonArray>
#include <QJsonObject>

#include <vector>

namespace assay::cli {

// {"name", "version", "stage", "aliases", "run", "model_md5", "git_commit", "description",
//  "created_ms", "created_by"}
QJsonObject modelVersionToJson(const govern::ModelVersion &version);
// {"name", "description", "created_ms", "created_by", "versions": [...]}
QJsonObject registeredModelToJson(const govern::RegisteredModel &model);
// {"version", "kind", "from", "to", "actor", "time_ms", "reason", "checks": [...]}
QJsonObject transitionToJson(const govern::Transition &transition);
// [{"name", "passed", "detail"}...]
QJsonArray gateChecksToJson(const std::vector<govern::GateCheck> &checks);
// The gate as stored: {"schema", "model_tests", "min_metrics", "drift"}, only what is set.
QJsonObject gateToJson(const govern::PromotionGate &gate);

} // namespace assay::cli
