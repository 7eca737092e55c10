#pragma once

#include "model/model_checks.h"

#include <QJsonObject>

#include <vector>

namespace assay::model {

// {"passed": n, "failed": n, "results": [{"name", "kind", "passed", "value", "bound",
// "detail"}...]} in the tests' order; a value that could not be measured is null. What
// `assay test --json` prints and what is stored with the run.
QJsonObject modelTestResultsToJson(const std::vector<ModelTestResult> &results);

// Reads what modelTestResultsToJson wrote (a stored run's results, for the GUI); InvalidInput
// names the key that is wrong ("results[2].passed: expected true or false").
Result<std::vector<ModelTestResult>> modelTestResultsFromJson(const QJsonObject &json);

} // namespace assay::model
