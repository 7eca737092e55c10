#pragma once

#include "explain/explanation.h"

#include <QString>

#include <vector>

namespace assay::ui {

// What the detail panel shows: the selected explanation, and the LIME explanations of the
// same model and data (the Local tab puts a row's LIME bars beside its SHAP waterfall).
struct ExplanationBundle {
    explain::Explanation explanation;
    std::vector<explain::Explanation> limeCompanions;
};

// The unit of SHAP values and of the value they add up to: "log-odds" for a classifier's
// margin, "probability", or "model output" for a regression's value.
QString shapUnit(const explain::Explanation &explanation);

// The explanation's outputs as the output picker names them: "class 1" for a classifier's,
// the output's name for a regression ("prediction" when unnamed).
QStringList outputNames(const explain::ExplanationSubject &subject, std::size_t outputs);

} // namespace assay::ui
