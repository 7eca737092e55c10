#pragma once

#include "common/result.h"

namespace assay::workspace {
class Workspace;
}

namespace assay::demo {

// The registered name the demo's credit-default model goes by, and so its model card's subject.
inline constexpr const char *kDemoModelName = "credit-risk";

// Writes the demo model's card: what it does, who owns it, where it may and may not be used,
// its limitations and risks, and the sensitive columns of the demo data (`sex`, `age_band`)
// its fairness is reported by.
Status writeDemoCard(workspace::Workspace &workspace);

} // namespace assay::demo
