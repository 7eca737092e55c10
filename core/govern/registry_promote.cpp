// Stage changes and aliases: each authorised first, then written with its transition and
// audit entry in one transaction.
#include "govern/audit_log.h"
#include "govern/model_registry.h"
#include "govern/promotion_gate.h"
#include "govern/registry_names.h"
#include "govern/registry_store.h"
#include "track/clock.h"
#include "workspace/workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace assay::govern {

namespace {

std::string compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

QJsonObject stageDetails(const Transition &transition)
{
    QJsonObject details{{QStringLiteral("from"), QString::fromStdString(transition.fromValue)},
                        {QStringLiteral("to"), QString::fromStdString(transition.toValue)}};
    if (!transition.reason.empty())
        details.insert(QStringLiteral("reason"), QString::fromStdString(transition.reason));
    if (transition.checksJson != "[]")
        details.insert(QStringLiteral("checks"),
                       QJsonDocument::fromJson(QByteArray::fromStdString(transition.checksJson)).array());
    return details;
}

// Writes the transition and its audit entry; the caller holds the transaction.
Status record(workspace::Database &db, const Transition &transition, const char *action, bool refused)
{
    ASSAY_TRY(registry::insertTransition(db, transition));
    QJsonObject details = stageDetails(transition);
    if (transition.kind == "alias")
        details = {{QStringLiteral("alias"), QString::fromStdString(transition.toValue)},
                   {QStringLiteral("from_version"), QString::fromStdString(transition.fromValue)},
                   {QStringLiteral("to_version"), transition.version}};
    if (transition.kind == "alias" && !transition.reason.empty())
        details.insert(QStringLiteral("reason"), QString::fromStdString(transition.reason));
    return appendAudit(db, {.actor = transition.actor,
                            .action = action,
                            .object = versionObject(transition.name, transition.version),
                            .refused = refused,
                            .detailsJson = compact(details)});
}

std::string refusalMessage(const std::string &name, int version, const GateResult &result)
{
    std::string message = name + " version " + std::to_string(version) + " may not go to production:";
    for (const auto &check : result.checks)
        if (!check.passed)
            message += "\n  " + check.name + ": " + check.detail;
    return message;
}

// Re-reads the version inside the transaction: another process may have moved it meanwhile.
Status requireStage(workspace::Database &db, const std::string &name, int version, Stage expected)
{
    auto now = registry::loadVersion(db, name, version);
    if (!now)
        return now.error();
    if (now->stage != expected)
        return Error::invalidInput(name + " version " + std::to_string(version) + " moved to " +
                                   std::string(stageName(now->stage)) + " meanwhile; try again");
    return {};
}

Result<GateResult> moveOutsideProduction(workspace::Workspace &workspace, const ModelVersion &version,
                                         Stage stage, const std::string &reason)
{
    auto &db = workspace.database();
    auto actor = authorize(db, Action::RegisterModel, versionObject(version.name, version.version));
    if (!actor)
        return actor.error();
    const Transition transition{.name = version.name,
                                .version = version.version,
                                .kind = "stage",
                                .fromValue = std::string(stageName(version.stage)),
                                .toValue = std::string(stageName(stage)),
                                .actor = actor->name,
                                .timeMs = track::nowMs(),
                                .reason = reason,
                                .checksJson = "[]"};
    ASSAY_TRY(db.transaction([&]() -> Status {
        ASSAY_TRY(requireStage(db, version.name, version.version, version.stage));
        ASSAY_TRY(registry::updateStage(db, version.name, version.version, stage));
        return record(db, transition, "registry.promote", false);
    }));
    return GateResult{.passed = true, .checks = {}};
}

Result<GateResult> moveToProduction(workspace::Workspace &workspace, const ModelVersion &version,
                                    const std::string &reason)
{
    auto &db = workspace.database();
    auto actor = authorize(db, Action::PromoteModel, versionObject(version.name, version.version));
    if (!actor && actor.error().kind != ErrorKind::Refused)
        return actor.error();
    auto promotionGate = gate(workspace, version.name);
    if (!promotionGate)
        return promotionGate.error();
    auto checks = runDataChecks(workspace, *promotionGate, version);
    if (!checks)
        return checks.error();
    checks->push_back(actor ? approverCheck(*actor) : approverRefused(actor.error()));
    GateResult result = gateResultOf(std::move(*checks));

    Transition transition{.name = version.name,
                          .version = version.version,
                          .kind = result.passed ? "stage" : "refused",
                          .fromValue = std::string(stageName(version.stage)),
                          .toValue = "production",
                          .actor = actor ? actor->name : sessionCredentials().user,
                          .timeMs = track::nowMs(),
                          .reason = reason,
                          .checksJson = gateChecksJson(result.checks)};
    if (!result.passed) {
        ASSAY_TRY(db.transaction([&]() -> Status { return record(db, transition, "registry.promote", true); }));
        return Error::refused(refusalMessage(version.name, version.version, result));
    }
    ASSAY_TRY(db.transaction([&]() -> Status {
        ASSAY_TRY(requireStage(db, version.name, version.version, version.stage));
        auto versions = registry::loadVersions(db, version.name);
        if (!versions)
            return versions.error();
        for (const auto &other : *versions) {
            if (other.stage != Stage::Production || other.version == version.version)
                continue;
            ASSAY_TRY(registry::updateStage(db, other.name, other.version, Stage::Archived));
            ASSAY_TRY(record(db,
                             {.name = other.name,
                              .version = other.version,
                              .kind = "stage",
                              .fromValue = "production",
                              .toValue = "archived",
                              .actor = transition.actor,
                              .timeMs = transition.timeMs,
                              .reason = "replaced in production by version " + std::to_string(version.version),
                              .checksJson = "[]"},
                             "registry.promote", false));
        }
        ASSAY_TRY(registry::updateStage(db, version.name, version.version, Stage::Production));
        return record(db, transition, "registry.promote", false);
    }));
    return result;
}

} // namespace

Result<GateResult> promote(workspace::Workspace &workspace, const std::string &name, int number, Stage stage,
                           const std::string &reason)
{
    auto version = registry::loadVersion(workspace.database(), name, number);
    if (!version)
        return version.error();
    if (version->stage == stage)
        return Error::invalidInput(name + " version " + std::to_string(number) + " is already in " +
                                   std::string(stageName(stage)));
    if (stage == Stage::Production)
        return moveToProduction(workspace, *version, reason);
    return moveOutsideProduction(workspace, *version, stage, reason);
}

Status setAlias(workspace::Workspace &workspace, const std::string &name, const std::string &alias, int number,
                const std::string &reason)
{
    ASSAY_TRY(checkAliasName(alias));
    auto &db = workspace.database();
    ASSAY_TRY(registry::loadVersion(db, name, number));
    auto actor = authorize(db, Action::RegisterModel, versionObject(name, number));
    if (!actor)
        return actor.error();
    return db.transaction([&]() -> Status {
        auto holder = registry::aliasTarget(db, name, alias);
        if (!holder)
            return holder.error();
        if (*holder == number)
            return {};
        ASSAY_TRY(registry::pointAlias(db, name, alias, number));
        return record(db,
                      {.name = name,
                       .version = number,
                       .kind = "alias",
                       .fromValue = *holder ? std::to_string(**holder) : std::string(),
                       .toValue = alias,
                       .actor = actor->name,
                       .timeMs = track::nowMs(),
                       .reason = reason,
                       .checksJson = "[]"},
                      "registry.alias", false);
    });
}

} // namespace assay::govern
