#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "model/model.h"
#include "model/model_test_spec.h"
#include "table/table.h"

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace assay::model {

// What one model test found.
struct ModelTestResult {
    std::string name;
    std::string kind; // checkKindName
    bool passed = false;
    // The measured value: the metric, the largest change or step against the direction, the
    // number of predictions out of range or NaN. NaN when it could not be measured (a metric
    // over NaN predictions), which fails the test.
    double value = std::numeric_limits<double>::quiet_NaN();
    std::string bound;  // what the value had to satisfy: ">= 0.75", "<= 0.02", "== 0"
    std::string detail; // one line for people: the rows looked at and what stood out
};

// The baseline models of a spec's baseline tests, by BaselineCheck::reference (a run id as
// written, or a model file's path as loadModelTestSpec resolved it).
using BaselineModels = std::map<std::string, std::shared_ptr<const Model>, std::less<>>;

// The baselines the caller must load before running the spec, each reference once.
std::vector<BaselineCheck> baselinesOf(const ModelTestSpec &spec);

// Runs every test of `spec` against `model` on `data`, in the spec's order. Metric tests read
// the model's target column (signature().target) from `data`; rows whose target is missing are
// left out of metrics. Random draws (noise, shuffles, the rows of directional tests) come from
// `seed` and the test's position, so a test gives the same result whatever tests precede it.
// InvalidInput (naming the spec's line, the test and its key) for what makes a test
// meaningless rather than failed: a column the data lacks, a slice with no rows, a metric the
// model's task does not have, a baseline of another task; Cancelled when progress asks.
Result<std::vector<ModelTestResult>>
runModelTests(const ModelTestSpec &spec, const Model &model, const table::Table &data,
              std::string_view dataName, const BaselineModels &baselines, std::uint64_t seed,
              const Progress &progress = {});

} // namespace assay::model
