#include "demo/demo_models.h"

#include "common/atomic_file.h"
#include "model/model_checks.h"
#include "model/model_test_record.h"
#include "model/model_test_spec.h"
#include "model/training_run.h"
#include "table/reader.h"
#include "track/tracking_store.h"
#include "workspace/workspace.h"

#include <filesystem>

namespace assay::demo {

namespace fs = std::filesystem;

namespace {

const char *const kModelTests = R"(# Model tests for the credit-default models: `assay test --model RUN --data data/credit.csv --spec models/credit-model-tests.yaml`
tests:
  - name: ranks defaults well overall
    metric: roc_auc
    min: 0.70
  - name: ranks defaults well for young applicants
    metric: roc_auc
    min: 0.65
    where: "age < 30"
  - name: calibrated enough
    metric: brier
    max: 0.12
  - name: unmoved by income noise
    invariance: {column: annual_income, perturb: noise, scale: 0.01, max_change: 0.15}
  - name: more late payments, more risk
    directional: {column: late_payments_2y, direction: increasing, tolerance: 0.01}
  - name: probabilities
    prediction_range: {min: 0, max: 1}
  - name: no NaN scores
    no_nan: true
)";

model::TrainRequest creditRequest(const fs::path &data, std::string trainer, std::uint64_t seed)
{
    model::TrainRequest request;
    request.data = data.string();
    request.target = "defaulted";
    request.exclude = {"application_id", "application_date"};
    request.trainer = std::move(trainer);
    request.experiment = "credit-default-models";
    request.seed = seed;
    return request;
}

Status runModelTestsOn(workspace::Workspace &workspace, const model::TrainOutcome &trained,
                       const fs::path &data, std::uint64_t seed)
{
    auto spec = model::loadModelTestSpec(workspace.root() / kDemoModelTestsPath);
    if (!spec)
        return spec.error();
    auto table = table::readTable(data);
    if (!table)
        return table.error();
    auto results = model::runModelTests(*spec, *trained.model, table->table, "data/credit.csv", {}, seed);
    if (!results)
        return results.error();
    auto store = track::TrackingStore::open(workspace);
    if (!store)
        return store.error();
    return model::recordModelTests(*store, trained.runId, *results);
}

} // namespace

Status recordDemoModels(workspace::Workspace &workspace, std::uint64_t seed, const Progress &progress)
{
    const fs::path data = workspace.root() / "data/credit.csv";
    std::error_code error;
    fs::create_directories(workspace.root() / "models", error);
    ASSAY_TRY(writeFileAtomically(workspace.root() / kDemoModelTestsPath, kModelTests));

    auto boosted = creditRequest(data, "gbt", seed);
    boosted.runName = "gbt · credit default";
    boosted.params = {{"n_estimators", "300"}, {"learning_rate", "0.05"}, {"max_depth", "4"},
                      {"subsample", "0.8"}, {"early_stopping_rounds", "30"}};
    auto trained = model::trainAndRecord(workspace, boosted, progress);
    if (!trained)
        return trained.error();
    ASSAY_TRY(runModelTestsOn(workspace, *trained, data, seed));

    auto logistic = creditRequest(data, "logreg", seed);
    logistic.runName = "logreg · credit default (5-fold CV)";
    logistic.folds = 5;
    if (auto cv = model::trainAndRecord(workspace, logistic, progress); !cv)
        return cv.error();

    auto forest = creditRequest(data, "forest", seed);
    forest.runName = "forest · credit default";
    forest.params = {{"n_estimators", "60"}, {"max_depth", "10"}};
    if (auto trainedForest = model::trainAndRecord(workspace, forest, progress); !trainedForest)
        return trainedForest.error();

    auto rate = creditRequest(data, "ridge", seed);
    rate.target = "interest_rate";
    rate.runName = "ridge · interest rate";
    rate.experiment = "interest-rate-models";
    rate.exclude.push_back("defaulted");
    if (auto regression = model::trainAndRecord(workspace, rate, progress); !regression)
        return regression.error();
    return {};
}

} // namespace assay::demo
