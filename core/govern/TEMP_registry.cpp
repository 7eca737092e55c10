// TEMPORARY stand-in for the registry so this branch links before it is merged. Deleted
// before the branch is handed over.
#include "govern/model_registry.h"

namespace assay::govern {

Result<ModelVersion> resolveModelVersion(workspace::Workspace &, const std::string &ref)
{
    return Error::notFound("no registered model '" + ref + "' (registry not merged yet)");
}

} // namespace assay::govern
