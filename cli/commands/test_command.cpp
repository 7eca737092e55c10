#include "command_registry.h"
#include "model_inputs.h"
#include "output.h"
#include "read_options.h"
#include "text_format.h"
#include "model/model_checks.h"
#include "model/model_source.h"
#include "model/model_test_json.h"
#include "model/model_test_record.h"
#include "model/model_test_spec.h"
#include "track/tracking_store.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace assay::cli {

namespace {

const char *const kTestDetails =
    "Runs the declarative model tests of a YAML spec against a model on data: minimum (or "
    "maximum) metrics overall and per slice (`where: \"region == 'north'\"`), no regression "
    "against a baseline run or model (`baseline: RUN`, `max_drop: 0.01`), invariance (perturbing, "
    "setting, shuffling or swapping a column moves predictions by at most `max_change`), "
    "directional expectations (predictions non-decreasing or non-increasing in a feature), "
    "prediction range and no NaN. Each result names the check, the measured value and the "
    "bound. When --model is a run id, the results are stored with the run (artifact "
    "model/tests.json, metrics model_tests_passed and model_tests_failed). Exit code 1 when any "
    "test fails, so a pipeline can gate on it.";

Result<model::BaselineModels> loadBaselines(const model::ModelTestSpec &spec,
                                            std::optional<workspace::Workspace> &workspace)
{
    model::BaselineModels baselines;
    for (const auto &baseline : model::baselinesOf(spec)) {
        if (baselines.count(baseline.reference))
            continue;
        auto loaded = model::openModel(baseline.reference, workspace ? &*workspace : nullptr);
        if (!loaded)
            return Error{loaded.error().kind, "baseline " + baseline.reference + ": " + loaded.error().message};
        baselines.emplace(baseline.reference, std::move(loaded->model));
    }
    return baselines;
}

Status recordWithRun(workspace::Workspace &workspace, const std::string &runId,
                     const std::vector<model::ModelTestResult> &results)
{
    auto store = track::TrackingStore::open(workspace);
    if (!store)
        return store.error();
    return model::recordModelTests(*store, runId, results);
}

std::string valueText(double value)
{
    return std::isnan(value) ? std::string("not measured") : compactNumber(value);
}

void printResults(const std::vector<model::ModelTestResult> &results)
{
    std::size_t nameWidth = 4;
    std::size_t valueWidth = 5;
    std::size_t boundWidth = 5;
    for (const auto &result : results) {
        nameWidth = std::max(nameWidth, result.name.size());
        valueWidth = std::max(valueWidth, valueText(result.value).size());
        boundWidth = std::max(boundWidth, result.bound.size());
    }
    std::ostringstream out;
    std::size_t failed = 0;
    for (const auto &result : results) {
        failed += result.passed ? 0 : 1;
        out << (result.passed ? "  PASS  " : "  FAIL  ") << padded(result.name, nameWidth) << "  "
            << padded(valueText(result.value), valueWidth) << "  " << padded(result.bound, boundWidth)
            << "  " << result.detail << "\n";
    }
    out << (failed ? "FAILED: " : "passed: ") << results.size() - failed << " of " << results.size()
        << " model tests passed";
    printLine(out.str());
}

int runTest(CommandContext &context)
{
    const Command &command = *findCommand("test");
    if (!context.arguments.positional().empty())
        return usageError(command, "unexpected argument '" + context.arguments.positional().front() + "'");
    const auto specPath = context.arguments.value("spec");
    if (!specPath)
        return usageError(command, "--spec FILE is required");
    std::uint64_t seed = 0;
    if (auto text = context.arguments.value("seed")) {
        const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), seed);
        if (error != std::errc() || end != text->data() + text->size())
            return usageError(command, "--seed: '" + *text + "' is not a whole number");
    }
    auto spec = model::loadModelTestSpec(*specPath);
    if (!spec)
        return fail(spec.error());
    auto inputs = readModelInputs(context);
    if (!inputs)
        return fail(inputs.error());
    auto baselines = loadBaselines(*spec, inputs->workspace);
    if (!baselines)
        return fail(baselines.error());
    auto results = model::runModelTests(*spec, *inputs->model.model, inputs->data, inputs->dataName,
                                        *baselines, seed, context.progress);
    if (!results)
        return fail(results.error());

    if (inputs->workspace && !inputs->model.runId.empty())
        if (auto recorded = recordWithRun(*inputs->workspace, inputs->model.runId, *results); !recorded)
            return fail(recorded.error());
    if (context.json)
        printJson(model::modelTestResultsToJson(*results));
    else
        printResults(*results);
    const bool allPassed = std::all_of(results->begin(), results->end(),
                                       [](const model::ModelTestResult &r) { return r.passed; });
    return allPassed ? ExitOk : ExitCheckFailed;
}

} // namespace

void addTestCommand(std::vector<Command> &into)
{
    std::vector<OptionSpec> options = readOptionSpecs();
    options.push_back({"model", true, "MODEL", "a run id, an Assay model file or an XGBoost JSON model"});
    options.push_back({"data", true, "DATA", "the rows to test on: a file or PATH@REV"});
    options.push_back({"spec", true, "FILE", "the YAML file of model tests"});
    options.push_back({"seed", true, "S", "seed of the perturbations and sampled rows (default 0)"});
    into.push_back({"test", "run model tests (performance, slices, baseline, invariance, direction)",
                    "--model MODEL --data DATA --spec FILE [--seed S]", kTestDetails,
                    "assay test --model 4f1c9a... --data data/credit.csv --spec model-tests.yaml",
                    options, runTest});
}

} // namespace assay::cli
