#include "explain/explanation_loader.h"

#include "workspace/workspace.h"

namespace assay::ui {

Result<std::vector<explain::ExplanationEntry>> listExplanations(const std::filesystem::path &root)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    return explain::ExplanationStore(*workspace).list();
}

Result<ExplanationBundle> loadExplanationBundle(const std::filesystem::path &root,
                                                const std::string &key, const Progress &progress)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return workspace.error();
    const explain::ExplanationStore store(*workspace);
    auto entry = store.find(key);
    if (!entry)
        return entry.error();
    if (!*entry)
        return Error{ErrorKind::NotFound, "explanation " + key + " is no longer in the cache"};
    auto explanation = store.load(**entry);
    if (!explanation)
        return explanation.error();
    ExplanationBundle bundle{std::move(*explanation), {}};
    const bool shap = bundle.explanation.method == explain::ExplainMethod::TreeShap ||
                      bundle.explanation.method == explain::ExplainMethod::KernelShap;
    if (!shap)
        return bundle;
    auto entries = store.list();
    if (!entries)
        return entries.error();
    for (const explain::ExplanationEntry &other : *entries) {
        if (progress.isCancelled())
            return Error::cancelled();
        if (other.method != explain::ExplainMethod::Lime || other.modelMd5 != (*entry)->modelMd5 ||
            other.dataMd5 != (*entry)->dataMd5)
            continue;
        auto lime = store.load(other);
        if (lime) // a LIME document that cannot be read does not hide the SHAP one
            bundle.limeCompanions.push_back(std::move(*lime));
    }
    return bundle;
}

} // namespace assay::ui
