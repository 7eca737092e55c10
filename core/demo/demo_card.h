#pragma once

#include "common/result.h"
#include "demo/demo_registry.h"

namespace assay::workspace {
class Workspace;
}

namespace assay::demo {

// Writes the card of the demo's registered model (kDemoRegisteredModel): what it does, who
// owns it, where it may and may not be used, its limitations and risks, and the sensitive
// columns of the demo data (`sex`, `age_band`) its fairness is reported by.
Status writeDemoCard(workspace::Workspace &workspace);

} // namespace assay::demo
