#pragma once

// The gate's checks, shared by evaluateGate and promote.
#include "common/progress.h"
#include "common/result.h"
#include "govern/access_control.h"
#include "govern/model_registry.h"

#include <vector>

namespace assay::workspace {
class Workspace;
}

namespace assay::govern {

// Every configured check but the approver's, in the order schema, model tests, metrics,
// drift; none stops the others. Errors only when the version or its run cannot be read.
Result<std::vector<GateCheck>> runDataChecks(workspace::Workspace &workspace, const PromotionGate &gate,
                                             const ModelVersion &version, const Progress &progress = {});

// The approver check for an actor authorize() let through.
GateCheck approverCheck(const Actor &actor);
// The approver check for a refusal by authorize(): the refusal's message is the detail.
GateCheck approverRefused(const Error &refusal);
// The approver check for the session's user, looked up without authorising anything.
Result<GateCheck> sessionApproverCheck(workspace::Workspace &workspace);

GateResult gateResultOf(std::vector<GateCheck> checks);

} // namespace assay::govern
