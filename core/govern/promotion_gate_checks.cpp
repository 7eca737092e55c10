// The data checks of a promotion gate: schema, model tests, minimum metrics, drift.
#include "govern/promotion_gate.h"
#include "govern/promotion_gate_data.h"

#include "drift/drift.h"
#include "model/model_checks.h"
#include "model/model_source.h"
#include "model/model_test_spec.h"
#include "track/run_query.h"
#include "validate/schema_json.h"
#include "validate/validation.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace assay::govern {

namespace fs = std::filesystem;

namespace {

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

fs::path fromRoot(const fs::path &root, const std::string &path)
{
    return fs::path(path).is_relative() ? root / path : fs::path(path);
}

// Up to `limit` items joined by `separator`, then "and N more".
std::string listed(const std::vector<std::string> &items, std::size_t limit = 3,
                   const std::string &separator = "; ")
{
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < limit; ++i)
        text += (i ? separator : "") + items[i];
    if (items.size() > limit)
        text += separator + "and " + std::to_string(items.size() - limit) + " more";
    return text;
}

// What the checks share: the version's run, model and training data, each read once.
struct Subject {
    const ModelVersion &version;
    track::RunRecord run;
    Result<model::LoadedModel> model = Error::internal("not loaded");
    Result<version::DatasetRef> training = Error::internal("not resolved");
};

GateCheck schemaCheck(const fs::path &root, const std::string &schemaPath, const Subject &subject,
                      const Progress &progress)
{
    GateCheck check{.name = "schema", .passed = false, .detail = {}};
    if (!subject.training) {
        check.detail = subject.training.error().message;
        return check;
    }
    auto schema = validate::loadSchema(fromRoot(root, schemaPath));
    if (!schema) {
        check.detail = schema.error().message;
        return check;
    }
    auto report = validate::validateDataset(*subject.training, *schema, nullptr, {}, progress);
    if (!report) {
        check.detail = report.error().message;
        return check;
    }
    const std::string data = datasetLabel(root, *subject.training);
    std::vector<std::string> errors;
    std::size_t warnings = 0;
    for (const auto &anomaly : report->anomalies) {
        if (anomaly.severity == validate::Severity::Error)
            errors.push_back(anomaly.detail);
        else
            ++warnings;
    }
    check.passed = !report->failed();
    if (check.passed)
        check.detail = data + ": " + std::to_string(report->rows) + " rows match " + schemaPath +
                       (warnings ? " (" + std::to_string(warnings) + " warnings)" : std::string());
    else
        check.detail = data + ": " + std::to_string(errors.size()) + " schema errors against " + schemaPath +
                       ": " + listed(errors);
    return check;
}

Result<model::BaselineModels> loadBaselines(workspace::Workspace &workspace, const model::ModelTestSpec &spec)
{
    model::BaselineModels baselines;
    for (const auto &baseline : model::baselinesOf(spec)) {
        if (baselines.count(baseline.reference))
            continue;
        auto loaded = model::openModel(baseline.reference, &workspace);
        if (!loaded)
            return Error{loaded.error().kind, "baseline " + baseline.reference + ": " + loaded.error().message};
        baselines.emplace(baseline.reference, std::move(loaded->model));
    }
    return baselines;
}

GateCheck modelTestsCheck(workspace::Workspace &workspace, const std::string &specPath, const Subject &subject,
                          const Progress &progress)
{
    GateCheck check{.name = "model_tests", .passed = false, .detail = {}};
    const fs::path root = workspace.root();
    const bool loggedTestData = std::any_of(subject.run.datasets.begin(), subject.run.datasets.end(),
                                            [](const track::DatasetInput &d) { return d.context == "test"; });
    const auto data = loggedTestData ? runDatasetRef(root, subject.run, "test") : subject.training;
    if (!subject.model || !data) {
        check.detail = !subject.model ? subject.model.error().message : data.error().message;
        return check;
    }
    auto spec = model::loadModelTestSpec(fromRoot(root, specPath));
    if (!spec) {
        check.detail = spec.error().message;
        return check;
    }
    auto baselines = loadBaselines(workspace, *spec);
    if (!baselines) {
        check.detail = baselines.error().message;
        return check;
    }
    auto table = version::readDataset(*data, {}, progress);
    if (!table) {
        check.detail = table.error().message;
        return check;
    }
    const std::string label = datasetLabel(root, *data);
    auto results = model::runModelTests(*spec, *subject.model->model, table->table, label, *baselines, 0, progress);
    if (!results) {
        check.detail = results.error().message;
        return check;
    }
    std::vector<std::string> failed;
    for (const auto &result : *results)
        if (!result.passed)
            failed.push_back(result.name + " (" + (std::isnan(result.value) ? "not measured" : number(result.value)) +
                             ", needs " + result.bound + ")");
    const std::string counts = std::to_string(results->size() - failed.size()) + " of " +
                               std::to_string(results->size()) + " model tests passed on " + label;
    check.passed = failed.empty();
    check.detail = check.passed ? counts : counts + "; failed: " + listed(failed);
    return check;
}

GateCheck metricCheck(const std::string &metric, double minimum, const track::RunRecord &run)
{
    GateCheck check{.name = "metric " + metric, .passed = false, .detail = {}};
    const auto it = run.latestMetrics.find(metric);
    if (it == run.latestMetrics.end()) {
        check.detail = "run " + run.info.runId.substr(0, 8) + " logged no metric " + metric +
                       " (needs ≥ " + number(minimum) + ")";
        return check;
    }
    const double value = it->second.value;
    check.passed = !std::isnan(value) && value >= minimum;
    check.detail = metric + " " + number(value) + (check.passed ? " ≥ " : " < ") + number(minimum);
    if (std::isnan(value))
        check.detail = metric + " is NaN (needs ≥ " + number(minimum) + ")";
    return check;
}

GateCheck driftCheck(const fs::path &root, const PromotionGate &gate, const Subject &subject,
                     const Progress &progress)
{
    GateCheck check{.name = "drift", .passed = false, .detail = {}};
    version::DatasetRef reference;
    if (gate.driftReference) {
        reference = workspaceDatasetRef(root, *gate.driftReference);
    } else if (subject.training) {
        reference = *subject.training;
    } else {
        check.detail = "no reference: " + subject.training.error().message;
        return check;
    }
    const version::DatasetRef current = workspaceDatasetRef(root, *gate.driftCurrent);
    drift::DriftOptions options;
    if (subject.model)
        for (const auto &feature : subject.model->model->signature().features)
            options.columns.push_back(feature.name);
    auto drift = drift::computeDrift(reference, current, options, progress);
    if (!drift) {
        check.detail = drift.error().message;
        return check;
    }
    std::vector<std::string> drifted;
    for (const auto &column : drift->columns)
        if (column.drifted)
            drifted.push_back(column.name);
    const std::string between = datasetLabel(root, reference) + " → " + datasetLabel(root, current);
    if (drift->testedColumns == 0) {
        check.detail = between + ": no column could be tested";
        return check;
    }
    const double share = drift->shareOfDriftedColumns;
    check.passed = share <= gate.maxDriftShare;
    check.detail = std::to_string(drift->driftedColumns) + " of " + std::to_string(drift->testedColumns) +
                   " columns drifted, " + between + " (share " + number(share) +
                   (check.passed ? " ≤ " : " > ") + number(gate.maxDriftShare) + " allowed)";
    if (!drifted.empty())
        check.detail += ": " + listed(drifted, 5, ", ");
    return check;
}

} // namespace

Result<std::vector<GateCheck>> runDataChecks(workspace::Workspace &workspace, const PromotionGate &gate,
                                             const ModelVersion &version, const Progress &progress)
{
    auto run = track::loadRun(workspace.database(), version.runId);
    if (!run)
        return Error{run.error().kind, version.name + " version " + std::to_string(version.version) + ": " +
                                           run.error().message};
    Subject subject{.version = version, .run = std::move(*run)};
    subject.model = openModelVersion(workspace, version);
    subject.training = runDatasetRef(workspace.root(), subject.run, "training");

    std::vector<GateCheck> checks;
    if (gate.schemaPath)
        checks.push_back(schemaCheck(workspace.root(), *gate.schemaPath, subject, progress));
    if (gate.modelTestsPath)
        checks.push_back(modelTestsCheck(workspace, *gate.modelTestsPath, subject, progress));
    for (const auto &[metric, minimum] : gate.minMetrics)
        checks.push_back(metricCheck(metric, minimum, subject.run));
    if (gate.driftCurrent)
        checks.push_back(driftCheck(workspace.root(), gate, subject, progress));
    if (progress.isCancelled())
        return Error::cancelled();
    return checks;
}

} // namespace assay::govern
