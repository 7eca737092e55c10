#pragma once

#include "common/result.h"
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "govern/model_registry.h"
#include "runs/runs_snapshot.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace assay::ui {

// Everything the Governance area shows, read in one go on a worker thread: the registry with
// every model's transitions, the users, the audit log and who the session acts as.
struct GovernanceSnapshot {
    std::vector<govern::RegisteredModel> models; // by name
    std::map<std::string, std::vector<govern::Transition>> transitions; // by model name, oldest first
    std::vector<govern::User> users;
    std::vector<govern::AuditEntry> audit; // seq order
    std::string sessionUser;               // the login or $ASSAY_USER the session acts as
    // The workspace user the session maps to (as authorize() matches it), if any.
    std::optional<govern::User> me;
    RunsSnapshot runs; // for the run colours shared with the other areas

    bool accessControlOn() const { return !users.empty(); }
    // Admins, and everyone while access control is off.
    bool mayManageUsers() const;
    const govern::RegisteredModel *model(const std::string &name) const;
};

// Opens the workspace at `root` on the calling thread and reads what the area shows.
Result<GovernanceSnapshot> loadGovernanceSnapshot(const std::filesystem::path &root);

// The workspace user the login `login` acts as: the enabled user whose OS login (or name,
// when it has none) is `login`.
std::optional<govern::User> userOfLogin(const std::vector<govern::User> &users,
                                        const std::string &login);

} // namespace assay::ui
