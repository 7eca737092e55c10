#include "demo/demo_registry.h"

#include "govern/model_registry.h"
#include "version/dataset_history.h"
#include "workspace/workspace.h"

namespace assay::demo {

namespace {

// The demo's runs are found by the names demo_models.cpp gives them.
constexpr const char *kBoostedRun = "gbt · credit default";
constexpr const char *kLogisticRun = "logreg · credit default (5-fold CV)";

Result<std::string> firstDataRevision(const workspace::Workspace &workspace)
{
    auto history = version::datasetHistory(workspace.root() / "data/credit.csv");
    if (!history)
        return history.error();
    if (history->empty())
        return Error::internal("demo: data/credit.csv has no version in git yet");
    return history->back().commit;
}

} // namespace

Status recordDemoRegistry(workspace::Workspace &workspace)
{
    const std::string name = kDemoRegisteredModel;
    auto boosted = govern::registerModel(workspace, name, kBoostedRun,
                                         "gradient boosting, 300 rounds with early stopping, first quarter");
    if (!boosted)
        return boosted.error();
    auto logistic = govern::registerModel(workspace, name, kLogisticRun,
                                          "logistic regression, 5-fold cross-validated, first quarter");
    if (!logistic)
        return logistic.error();

    auto reference = firstDataRevision(workspace);
    if (!reference)
        return reference.error();
    govern::PromotionGate gate;
    gate.schemaPath = "data/credit.schema.json";
    gate.minMetrics["test_roc_auc"] = 0.75;
    gate.driftReference = "data/credit.csv@" + reference->substr(0, 12);
    gate.driftCurrent = "data/credit.csv";
    gate.maxDriftShare = 0.1;
    ASSAY_TRY(govern::setGate(workspace, name, gate));

    auto staged = govern::promote(workspace, name, boosted->version, govern::Stage::Staging,
                                  "best held-out AUC of the first-quarter models; shadow scoring first");
    if (!staged)
        return staged.error();
    // A small demo's model may miss the AUC bar: then the refusal is what the history shows.
    auto live = govern::promote(workspace, name, boosted->version, govern::Stage::Production,
                                "a week of shadow scoring matched the offline evaluation");
    if (!live && live.error().kind != ErrorKind::Refused)
        return live.error();
    ASSAY_TRY(govern::setAlias(workspace, name, "champion", boosted->version, "serves production"));
    return govern::setAlias(workspace, name, "challenger", logistic->version,
                            "simpler, explainable alternative to compare against");
}

Status recordDemoRefusal(workspace::Workspace &workspace)
{
    const std::string name = kDemoRegisteredModel;
    auto challenger = govern::resolveModelVersion(workspace, name + "@challenger");
    if (!challenger)
        return challenger.error();
    auto evaluated = govern::evaluateGate(workspace, name, challenger->version);
    if (!evaluated)
        return evaluated.error();
    if (evaluated->passed)
        return {};
    auto refused = govern::promote(workspace, name, challenger->version, govern::Stage::Production,
                                   "replace the boosted model with the explainable one");
    if (refused)
        return Error::internal("demo: the gate refused " + name + " version " +
                               std::to_string(challenger->version) + " in a check, then let it through");
    return refused.error().kind == ErrorKind::Refused ? Status() : Status(refused.error());
}

} // namespace assay::demo
