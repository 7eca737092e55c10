#pragma once

#include <optional>
#include <string_view>

namespace assay::explain {

enum class ExplainMethod { TreeShap, KernelShap, Lime, Permutation, PartialDependence };

// "shap", "kernel", "lime", "permutation", "pdp": the CLI's subcommands and the documents' "method".
std::string_view methodName(ExplainMethod method);
std::optional<ExplainMethod> methodFromName(std::string_view name);
// "TreeSHAP", "KernelSHAP", "LIME", "Permutation importance", "Partial dependence".
std::string_view methodTitle(ExplainMethod method);

} // namespace assay::explain
