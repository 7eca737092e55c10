#include "explain/explain_method.h"

#include <array>
#include <utility>

namespace assay::explain {

namespace {

struct MethodNames {
    ExplainMethod method;
    std::string_view name;
    std::string_view title;
};

constexpr std::array kMethods{
    MethodNames{ExplainMethod::TreeShap, "shap", "TreeSHAP"},
    MethodNames{ExplainMethod::KernelShap, "kernel", "KernelSHAP"},
    MethodNames{ExplainMethod::Lime, "lime", "LIME"},
    MethodNames{ExplainMethod::Permutation, "permutation", "Permutation importance"},
    MethodNames{ExplainMethod::PartialDependence, "pdp", "Partial dependence"},
};

const MethodNames &namesOf(ExplainMethod method)
{
    for (const MethodNames &names : kMethods)
        if (names.method == method)
            return names;
    return kMethods.front();
}

} // namespace

std::string_view methodName(ExplainMethod method) { return namesOf(method).name; }

std::string_view methodTitle(ExplainMethod method) { return namesOf(method).title; }

std::optional<ExplainMethod> methodFromName(std::string_view name)
{
    for (const MethodNames &names : kMethods)
        if (names.name == name)
            return names.method;
    return std::nullopt;
}

} // namespace assay::explain
