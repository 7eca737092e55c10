#pragma once

// Internal to the model checks: what every check reads, and the helpers they share.

#include "common/random.h"
#include "common/result.h"
#include "model/feature_matrix.h"
#include "model/model.h"
#include "model/model_checks.h"
#include "model/model_test_spec.h"
#include "model/target.h"
#include "table/table.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay::model {

// What the checks of one run share: the data, the model's matrix and predictions over all
// rows (computed once), the target (encoded on first use) and the baseline models.
struct CheckInputs {
    const Model &model;
    const table::Table &data;
    std::string_view dataName;
    const BaselineModels &baselines;
    FeatureMatrix matrix;
    std::vector<double> predictions; // rows × outputCount
    std::optional<Target> target;
};

// One test's view: its rows (the slice, in data order) and its own random stream.
struct CheckContext {
    CheckInputs &inputs;
    const ModelTest &test;
    std::vector<std::size_t> rows;
    Random random;

    std::size_t outputs() const { return inputs.model.signature().outputCount(); }
    // "region == 'north': 1,203 rows" or "all 5,000 rows".
    std::string rowsText(std::size_t count) const;
    // InvalidInput "tests.yaml:9:5: test 'north AUC': KEY: MESSAGE".
    Error error(const std::string &key, const std::string &message) const;
    // The matrix column of a model feature, nullopt when the model does not read it.
    std::optional<std::size_t> featureIndex(std::string_view column) const;
    // The prediction column's name in messages: "prediction", or "p_<class>" for multiclass.
    std::string outputName(std::size_t output) const;
};

Result<ModelTestResult> checkMetric(CheckContext &context, const MetricCheck &check);
Result<ModelTestResult> checkBaseline(CheckContext &context, const BaselineCheck &check);
Result<ModelTestResult> checkInvariance(CheckContext &context, const InvarianceCheck &check);
Result<ModelTestResult> checkDirectional(CheckContext &context, const DirectionalCheck &check);
Result<ModelTestResult> checkPredictionRange(CheckContext &context,
                                             const PredictionRangeCheck &check);
Result<ModelTestResult> checkNoNan(CheckContext &context, const NoNanCheck &check);

// A measured value for people: 4 significant digits ("0.7812", "1203", "1.2e-05").
std::string formatMeasure(double value);
// A bound as written: the shortest form that reads back the same.
std::string formatBound(double value);
// A count with thousands separators: "1,203".
std::string formatCount(std::size_t count);

} // namespace assay::model
