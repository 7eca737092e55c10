#pragma once

#include "common/result.h"

namespace assay::workspace {
class Workspace;
}

namespace assay::demo {

// The name the demo registers its credit-default models under.
inline constexpr const char *kDemoRegisteredModel = "credit-risk";

// Registers the demo's boosted model as credit-risk version 1 and its logistic regression as
// version 2, gives the model a gate (the schema beside the data, a minimum test AUC, no drift
// of the features from the first data version to the data as it is), moves version 1 to
// staging and then production (a demo too small for the AUC bar keeps that refusal instead),
// and points "champion" at 1 and "challenger" at 2. Call it while data/credit.csv is still the
// data the models learned from.
Status recordDemoRegistry(workspace::Workspace &workspace);

// Once the data has moved on: asks for version 2 in production. When the gate refuses it
// (as the drifted data makes it), the refusal stays in the history; when it would pass,
// nothing is done, so the demo never shows a refusal that did not happen.
Status recordDemoRefusal(workspace::Workspace &workspace);

} // namespace assay::demo
