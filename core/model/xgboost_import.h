#pragma once

#include "common/result.h"
#include "model/tree_ensemble.h"

#include <QJsonObject>

#include <memory>
#include <string_view>

namespace assay::model {

// True when `root` looks like XGBoost's JSON model (a "learner" with a "gradient_booster").
bool isXgboostModel(const QJsonObject &root);

// Reads a model saved by XGBoost's Booster.save_model("m.json") (format of XGBoost 1.x and 2.x)
// as a tree ensemble that predicts exactly what XGBoost's predict does.
// Objectives: binary:logistic (sigmoid of the margin, classes "0" and "1"), reg:squarederror
// (the margin), multi:softprob (softmax over one margin per class, classes "0".."K-1") and
// multi:softmax, read as softprob: the class probabilities, not XGBoost's predicted label.
// Features are named from feature_names, else f0..fN-1; all are numeric. The target is named
// by a learner attribute "target" when one was set (booster.set_attr(target=...)), else empty.
// InvalidInput, naming `displayName` and the key path, for: a missing or mistyped key,
// inconsistent tree arrays or child indices, gblinear and dart boosters, other objectives,
// categorical features and splits, and multi-target or vector-leaf models.
Result<std::unique_ptr<TreeEnsemble>> importXgboostModel(const QJsonObject &root,
                                                         std::string_view displayName);

} // namespace assay::model
