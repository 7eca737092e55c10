// TEMPORARY stand-ins for the governance pieces other branches implement (access control,
// audit log, registry, fairness), so this branch links. Deleted before the branch is merged.
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "govern/fairness.h"
#include "govern/model_registry.h"
#include "workspace/workspace.h"

#include <cstdlib>

namespace assay::govern {

Credentials sessionCredentials()
{
    const char *user = std::getenv("USER");
    return {user ? user : "someone", std::nullopt};
}

Result<Actor> authorize(workspace::Database &, Action, const std::string &)
{
    const char *user = std::getenv("USER");
    return Actor{user ? user : "someone", Role::Admin, false};
}

Status appendAudit(workspace::Database &database, const AuditRecord &record)
{
    auto insert = database.prepare(
        "INSERT INTO audit_log (time, actor, action, object, outcome, details, prev_hash, hash) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?, '', '')");
    if (!insert)
        return insert.error();
    insert->bind(1, record.actor).bind(2, record.action).bind(3, record.object)
        .bind(4, std::string_view(record.refused ? "refused" : "ok")).bind(5, record.detailsJson);
    return insert->run();
}

Result<std::vector<AuditEntry>> readAudit(workspace::Database &database, const AuditQuery &)
{
    auto select = database.prepare(
        "SELECT seq, time, actor, action, object, outcome, details FROM audit_log ORDER BY seq");
    if (!select)
        return select.error();
    std::vector<AuditEntry> entries;
    ASSAY_TRY(select->forEachRow([&](const workspace::Statement &row) {
        entries.push_back({row.columnInt(0), row.columnText(1), row.columnText(2), row.columnText(3),
                           row.columnText(4), row.columnText(5), row.columnText(6), {}, {}});
    }));
    return entries;
}

Result<ChainVerdict> verifyAudit(workspace::Database &database, const std::optional<std::string> &)
{
    auto entries = readAudit(database, {});
    if (!entries)
        return entries.error();
    ChainVerdict verdict;
    verdict.entries = static_cast<std::int64_t>(entries->size());
    return verdict;
}

std::string_view stageName(Stage stage)
{
    switch (stage) {
    case Stage::Staging: return "staging";
    case Stage::Production: return "production";
    case Stage::Archived: return "archived";
    default: return "none";
    }
}

Result<std::vector<RegisteredModel>> listModels(workspace::Workspace &)
{
    return std::vector<RegisteredModel>();
}

Result<RegisteredModel> showModel(workspace::Workspace &, const std::string &name)
{
    return Error::notFound("no registered model '" + name + "'");
}

Result<ModelVersion> resolveModelVersion(workspace::Workspace &, const std::string &ref)
{
    return Error::notFound("no registered model '" + ref + "'");
}

Result<std::vector<Transition>> transitions(workspace::Workspace &, const std::string &, std::optional<int>)
{
    return std::vector<Transition>();
}

Result<PromotionGate> gate(workspace::Workspace &, const std::string &)
{
    return PromotionGate();
}

Result<FairnessReport> modelFairness(workspace::Workspace &, const FairnessRequest &)
{
    return Error::internal("fairness is not merged into this branch yet");
}

} // namespace assay::govern
