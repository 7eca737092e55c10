#pragma once

#include "common/result.h"
#include "model/model.h"

#include <QJsonObject>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace assay::model {

// How a model came to be; stored beside it.
struct ModelMetadata {
    std::string trainer;          // "linreg", "ridge", "logreg", "tree", "forest", "gbt", "xgboost"
    QJsonObject params;           // the trainer's parameters as used (defaults filled in)
    std::string trainingDataMd5;  // md5 of the training data's bytes, when known
    std::string trainingData;     // the dataset as the user named it ("data/credit.csv@HEAD")
    std::uint64_t seed = 0;
};

struct LoadedModel {
    std::shared_ptr<const Model> model;
    ModelMetadata metadata;
    std::string runId; // the run whose artifact it is, when openModel read it from a run
    std::string md5;   // md5 of the document's bytes, when openModel read it
};

// Assay's model document, version 1: one JSON object
//   {"format": "assay-model", "version": 1, "kind": ..., "task": ..., "target": ...,
//    "classes": [...], "features": [{"name", "kind", "categories"}...],
//    "metadata": {"trainer", "params", "training_data_md5", "training_data", "seed"},
//    "model": {kind-specific parameters}}
// Written compactly with keys in a fixed order, so the same model gives the same bytes.
std::string saveModelDocument(const Model &model, const ModelMetadata &metadata);

// Reads an Assay model document or an XGBoost JSON model (Booster.save_model("m.json")),
// telling them apart by content. Errors name `displayName` and the key that is wrong
// ("m.json: learner.gradient_booster.model.trees[3].split_indices: expected an array").
Result<LoadedModel> loadModel(std::string_view bytes, std::string_view displayName);

} // namespace assay::model
