#pragma once

#include "common/progress.h"
#include "common/result.h"
#include "explain/explanation.h"
#include "explain/shap_interactions.h"
#include "model/model_document.h"
#include "table/table.h"

#include <QJsonObject>

#include <cstddef>
#include <optional>
#include <string>

namespace assay::explain {

// What to explain, as the CLI's options and the GUI's form give it.
struct ExplainRequest {
    ExplainMethod method = ExplainMethod::TreeShap;
    std::optional<std::size_t> firstRow; // the rows to explain: [firstRow, lastRow) of the data
    std::optional<std::size_t> lastRow;
    // Method parameters by their CLI names, validated by the job (unknown keys are errors):
    //   shap: interactions (bool), background ("" = path-dependent, else interventional with
    //         that many sampled background rows), seed
    //   kernel: coalitions, clusters (k-means background, default 10), seed
    //   lime: samples, kernel_width, max_features, seed
    //   permutation: repeats, metric, seed
    //   pdp: features (array of names; default the 4 with the largest mean |SHAP| or, with no
    //        tree model, the first 4), grid_resolution, percentiles ([low, high]), ice_rows
    QJsonObject params;
    unsigned threads = 0;
};

// The model and data a job works on, already read.
struct ExplainInputs {
    std::optional<model::LoadedModel> model; // absent with a predict command
    std::string predictCommand;              // the external program, when there is no model
    std::string modelName;
    std::string modelMd5;
    std::string runId;
    std::string dataName;
    std::string dataMd5;
    const table::Table *data = nullptr;
};

struct ExplainOutcome {
    Explanation explanation;
    // The full interaction values, when TreeSHAP computed them (for --out); not cached.
    std::optional<ShapInteractions> interactions;
};

// Runs one explanation: builds the feature matrix (data columns matched by name; a missing
// model feature is an InvalidInput naming it and the data), picks the rows, fills the
// parameters' defaults, runs the method. The key of the result is
// explanationKey(method, modelMd5, dataMd5, explanation.params).
Result<ExplainOutcome> runExplanation(const ExplainInputs &inputs, const ExplainRequest &request,
                                      const Progress &progress = {});

// The parameters as runExplanation will use them (defaults filled in, rows included), so a
// caller can look the key up in the cache before computing. Errors name a bad key.
Result<QJsonObject> resolvedParams(const ExplainInputs &inputs, const ExplainRequest &request);

} // namespace assay::explain
