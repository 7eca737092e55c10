#pragma once

#include "common/result.h"
#include "model/model_document.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::govern {

enum class Stage { None, Staging, Production, Archived };
std::string_view stageName(Stage stage); // "none", "staging", "production", "archived"
Result<Stage> parseStage(std::string_view text);

// One numbered version of a registered model, linked to the run that trained it, the run's
// model artifact (by md5 in the content store), its git commit and its training data.
struct ModelVersion {
    std::string name;
    int version = 0;
    std::string runId;
    std::string modelMd5;
    std::string gitCommit;
    Stage stage = Stage::None;
    std::vector<std::string> aliases; // e.g. "champion"
    std::string description;
    std::int64_t createdMs = 0;
    std::string createdBy;
};

// A stage change or an alias move, as it happened.
struct Transition {
    std::string name;
    int version = 0;
    std::string kind;      // "stage", "alias", "refused" (a promotion the gate or a role refused)
    std::string fromValue; // previous stage (or the version that held the alias, "" when none)
    std::string toValue;   // new stage (or the alias)
    std::string actor;
    std::int64_t timeMs = 0;
    std::string reason;
    std::string checksJson = "[]"; // the gate's checks when kind is "stage" to production or "refused"
};

struct RegisteredModel {
    std::string name;
    std::string description;
    std::int64_t createdMs = 0;
    std::string createdBy;
    std::vector<ModelVersion> versions; // by version number
};

// What must hold before a version may go to production; stored per model as JSON:
// {"schema": "data/credit.schema.json", "model_tests": "tests/model.yaml",
//  "min_metrics": {"roc_auc": 0.8}, "drift": {"reference": "data/credit.csv@v1",
//  "current": "data/credit.csv", "max_drift_share": 0.0}, "require_approver": true}
// Every key is optional; an empty gate still requires an approver ("require_approver" may only
// be true: who counts as an approver is access control's business, not the gate's). Relative
// paths are taken from the workspace root. The drift check needs "current"; it compares the
// model's feature columns. Model tests run on the run's "test" dataset input when it logged
// one, else on its training data.
struct PromotionGate {
    std::optional<std::string> schemaPath;     // validate the version's training data against it
    std::optional<std::string> modelTestsPath; // the version's model against this spec
    std::map<std::string, double> minMetrics;  // the run's logged metric (latest) at least this
    std::optional<std::string> driftReference; // dataset ref; empty: the training data
    std::optional<std::string> driftCurrent;   // dataset ref compared with the reference
    double maxDriftShare = 0;                  // share of drifted columns allowed
};
// InvalidInput names the key that is wrong ("gate.min_metrics.roc_auc: expected a number").
Result<PromotionGate> parseGate(const std::string &json);
// Canonical JSON (sorted keys, only the keys that are set).
std::string gateJson(const PromotionGate &gate);
bool gateIsEmpty(const PromotionGate &gate);

// One gate check's outcome, for the CLI, the GUI and the report.
struct GateCheck {
    std::string name;   // "schema", "model_tests", "metric roc_auc", "drift", "approver"
    bool passed = false;
    std::string detail; // what was found, e.g. "roc_auc 0.842 ≥ 0.8", "3 of 12 columns drifted"
};
struct GateResult {
    bool passed = false;
    std::vector<GateCheck> checks;
};
// [{"name", "passed", "detail"}...]: what a transition stores as its checks.
std::string gateChecksJson(const std::vector<GateCheck> &checks);
Result<std::vector<GateCheck>> parseGateChecks(const std::string &json);

// Registers the run's model as the next version of NAME (creating NAME when new).
// Needs RegisterModel. NotFound for an unknown run; InvalidInput when the run logged no model.
Result<ModelVersion> registerModel(workspace::Workspace &workspace, const std::string &name,
                                   const std::string &runRef, const std::string &description = {});
Result<std::vector<RegisteredModel>> listModels(workspace::Workspace &workspace);
Result<RegisteredModel> showModel(workspace::Workspace &workspace, const std::string &name);
// "NAME", "NAME:3", "NAME@champion", "NAME:production": NotFound naming what is missing.
Result<ModelVersion> resolveModelVersion(workspace::Workspace &workspace, const std::string &ref);
// Oldest first.
Result<std::vector<Transition>> transitions(workspace::Workspace &workspace, const std::string &name,
                                            std::optional<int> version = std::nullopt);
// The version's model document from the content store, checked against its md5.
Result<model::LoadedModel> openModelVersion(workspace::Workspace &workspace, const ModelVersion &version);

// Needs RegisterModel; appends a "registry.gate" audit entry holding the new gate.
Status setGate(workspace::Workspace &workspace, const std::string &name, const PromotionGate &gate);
Result<PromotionGate> gate(workspace::Workspace &workspace, const std::string &name);
// Runs every configured check for the version without changing anything (a check that cannot
// run, e.g. a missing schema file, fails with the reason as its detail). The approver check
// looks the session's user up in the workspace's users; the password is checked on promotion.
Result<GateResult> evaluateGate(workspace::Workspace &workspace, const std::string &name, int version);

// Moves the version to `stage`. To production: needs PromoteModel (approver, password) and
// the gate to pass; a refusal is recorded as a "refused" transition with every check and
// returns Error::refused listing each failed check. The production version it replaces is
// archived. Other stages need RegisterModel. Every transition appends an audit entry.
Result<GateResult> promote(workspace::Workspace &workspace, const std::string &name, int version,
                           Stage stage, const std::string &reason);
// Points ALIAS at the version (moving it from another); needs RegisterModel.
Status setAlias(workspace::Workspace &workspace, const std::string &name, const std::string &alias,
                int version, const std::string &reason = {});

} // namespace assay::govern
