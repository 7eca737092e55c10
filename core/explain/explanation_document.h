#pragma once

#include "common/result.h"
#include "explain/explanation.h"

#include <string>
#include <string_view>

namespace assay::explain {

// The explanation document, version 1: one compact JSON object
//   {"format": "assay-explanation", "version": 1, "method": "shap", "created_ms": ...,
//    "subject": {"model", "model_md5", "run_id", "data", "data_md5", "task",
//                "features": [{"name", "kind", "categories"}], "outputs": [...]},
//    "params": {...}, "result": {method-specific}}
// Numbers are written in the shortest form that reads back as the same double (Qt's JSON
// writer; negative zero reads back as 0), missing values as null.
std::string saveExplanationDocument(const Explanation &explanation);

// Errors name `displayName` and the key that is wrong.
Result<Explanation> loadExplanationDocument(std::string_view bytes, std::string_view displayName);

} // namespace assay::explain
