#pragma once

#include "common/result.h"
#include "model/slice_filter.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace assay::model {

// A metric (a key of Evaluation::metrics) within bounds: `metric: roc_auc` + `min`/`max`.
struct MetricCheck {
    std::string metric;
    std::optional<double> min;
    std::optional<double> max;
};

// The model against its baseline on the same rows: the metric may be worse by at most maxDrop
// (lower for higher-is-better metrics such as roc_auc, higher for errors such as rmse).
struct BaselineCheck {
    enum class Source { Run, ModelFile };
    std::string metric;
    Source source = Source::Run;
    // A run id as written (`baseline:`), or a model file (`baseline_model:`) resolved against
    // the spec file's folder by loadModelTestSpec. The key of BaselineModels.
    std::string reference;
    double maxDrop = 0;
};

enum class Perturbation {
    Noise,   // adds Gaussian noise with sd = scale × the column's standard deviation
    Swap,    // the column reads the values of column `with` (and `with` reads the column's)
    Set,     // every row gets `value` (a number, a category, or null for missing)
    Shuffle, // the column's values permuted across the rows
};

// Predictions move by at most maxChange (largest absolute change over rows and outputs) when
// `column` is perturbed.
struct InvarianceCheck {
    std::string column;
    Perturbation perturbation = Perturbation::Noise;
    double scale = 0;                 // Noise
    std::string with;                 // Swap
    std::optional<std::string> value; // Set; nullopt: missing
    double maxChange = 0;
};

// Individual conditional expectation: on `rows` sampled rows, `column` is set to `steps`
// evenly spaced values from its minimum to its maximum in the data; each row's prediction
// must not fall (Increasing) or rise (Decreasing) by more than tolerance from one step to the
// next. Multiclass models name the class whose probability is checked.
struct DirectionalCheck {
    enum class Direction { Increasing, Decreasing };
    std::string column;
    Direction direction = Direction::Increasing;
    double tolerance = 0;
    std::size_t steps = 10;
    std::size_t rows = 100;
    std::string outputClass; // multiclass only
};

// Every prediction (each output) within [min, max].
struct PredictionRangeCheck {
    std::optional<double> min;
    std::optional<double> max;
};

// No prediction is NaN.
struct NoNanCheck {};

using ModelCheck = std::variant<MetricCheck, BaselineCheck, InvarianceCheck, DirectionalCheck,
                                PredictionRangeCheck, NoNanCheck>;

// "metric", "baseline", "invariance", "directional", "prediction_range", "no_nan".
std::string_view checkKindName(const ModelCheck &check);

struct ModelTest {
    std::string name;                 // as written, else made from the check
    std::string origin;               // "tests.yaml:12:5": where the entry starts, for messages
    std::optional<SliceFilter> where; // the rows looked at; all rows when absent
    ModelCheck check;
};

struct ModelTestSpec {
    std::vector<ModelTest> tests;
};

// True for metrics where higher is better (roc_auc, accuracy, f1, r2 ...), false for errors
// (rmse, mae, mape, log_loss, brier); nullopt for a name the metrics engine does not report.
std::optional<bool> higherIsBetter(std::string_view metric);

// A spec file:
//   tests:
//     - name: north AUC                  # optional; names must be unique
//       metric: roc_auc
//       min: 0.70                        # and/or max:
//       where: "region == 'north'"       # optional on every test: a SliceFilter
//     - metric: roc_auc
//       baseline: 4f1c2a9e                 # a run id; or baseline_model: models/prod.json
//       max_drop: 0.01
//     - invariance: {column: income, perturb: noise, scale: 0.01, max_change: 0.02}
//       # perturb: swap (with: other_column), set (value: x or null), shuffle
//     - directional: {column: debt_ratio, direction: increasing, tolerance: 0}
//       # optional steps: 10, rows: 100, class: label (multiclass)
//     - prediction_range: {min: 0, max: 1}
//     - no_nan: true
// Each entry holds exactly one check. Unknown keys are errors. Errors name the file, the
// line:column and the key: "tests.yaml:7:12: tests[1].min: expected a number, got 'high'".
Result<ModelTestSpec> parseModelTestSpec(std::string_view yaml, std::string_view displayName);
// Reads the file; baseline_model paths are taken relative to the file's folder.
Result<ModelTestSpec> loadModelTestSpec(const std::filesystem::path &path);

} // namespace assay::model
