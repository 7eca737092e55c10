#pragma once

#include "explain/explanation_store.h"

#include <QString>

namespace assay::ui {

// The parameters that tell two explanations of one model apart, in a few words:
// "interactions", "interventional, 100 rows", "roc_auc × 10", "age, annual_income".
QString explanationDetails(const explain::ExplanationEntry &entry);

} // namespace assay::ui
