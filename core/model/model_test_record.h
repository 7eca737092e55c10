#pragma once

#include "common/result.h"
#include "model/model_checks.h"

#include <string>
#include <vector>

namespace assay::track {
class TrackingStore;
}

namespace assay::model {

// Stores model test results with the run whose model was tested: the artifact model/tests.json
// (modelTestResultsToJson) and the metrics model_tests_passed and model_tests_failed.
Status recordModelTests(track::TrackingStore &store, const std::string &runId,
                        const std::vector<ModelTestResult> &results);

} // namespace assay::model
