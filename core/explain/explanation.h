#pragma once

#include "explain/explain_method.h"
#include "explain/lime.h"
#include "explain/partial_dependence.h"
#include "explain/permutation_importance.h"
#include "explain/shap_values.h"
#include "model/feature_matrix.h"
#include "model/task.h"

#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace assay::explain {

// What was explained: the model and the data, as the cache key and the views need them.
struct ExplanationSubject {
    std::string modelName; // as the user named it: a run id, a file, or the predict command
    std::string modelMd5;  // md5 of the model's bytes (of the command line for --predict-cmd)
    std::string runId;     // the run that holds the model, when it came from one
    std::string dataName;  // "data/credit.csv" or "data/credit.csv@HEAD~1"
    std::string dataMd5;
    model::Task task = model::Task::Regression;
    std::vector<model::FeatureSpec> features; // the model's features, in its order
    std::vector<std::string> outputs;         // one name per output
};

// TreeSHAP or KernelSHAP values of some rows of the data.
struct ShapExplanation {
    std::vector<std::size_t> rowIds; // the data rows explained (0 = the first data row)
    model::FeatureMatrix x;          // their feature values: colours the beeswarm, fills the row table
    ShapValues values;
    // The value the contributions add up to, per row and output: the margin (TreeSHAP) or the
    // prediction (KernelSHAP). rows × outputs.
    std::vector<double> predictions;
    std::string space; // "margin" (log-odds for classifiers), "probability" or "value"
    // With interactions: per output, features × features mean |interaction value| over the
    // rows (the diagonal holds mean |main effect|); empty otherwise. The dependence plot colours
    // by each feature's strongest off-diagonal partner.
    std::vector<double> interactionStrength;
};

struct LimeResult {
    std::vector<std::size_t> rowIds;
    model::FeatureMatrix x;
    std::vector<LimeExplanation> explanations; // one per row
};

struct PermutationResult {
    PermutationImportance importance;
};

struct PartialDependenceResult {
    std::vector<PartialDependence> curves; // one per explained feature
};

// One computed explanation, as it is cached and shown.
struct Explanation {
    ExplainMethod method = ExplainMethod::TreeShap;
    ExplanationSubject subject;
    QJsonObject params; // the method's parameters as used (defaults filled in): part of the key
    std::int64_t createdMs = 0;
    std::variant<ShapExplanation, LimeResult, PermutationResult, PartialDependenceResult> result;
};

} // namespace assay::explain
