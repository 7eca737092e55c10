#pragma once

#include "arguments.h"
#include "common/result.h"
#include "explain/explain_job.h"

#include <vector>

namespace assay::cli {

// The options of `assay explain METHOD`, and how they become an ExplainRequest.
std::vector<OptionSpec> explainOptionSpecs(explain::ExplainMethod method);

// --rows A:B (either end may be left out: "100:", ":500"), --threads and the method's
// parameters (option names with '-' as '_'). Errors name the option.
Result<explain::ExplainRequest> explainRequestFrom(explain::ExplainMethod method,
                                                   const Arguments &arguments);

} // namespace assay::cli
