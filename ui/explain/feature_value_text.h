#pragma once

#include "model/feature_matrix.h"

#include <QString>

namespace assay::ui {

// A feature's value as a person reads it: the category's name, the number in 4 significant
// digits, or "missing".
QString featureValueText(const model::FeatureSpec &feature, double value);

QString featureName(const model::FeatureSpec &feature);

} // namespace assay::ui
