// Storing a model's gate and evaluating it.
#include "govern/promotion_gate.h"

#include "govern/audit_log.h"
#include "govern/registry_names.h"
#include "govern/registry_store.h"
#include "model/model_test_spec.h"
#include "validate/schema_json.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace assay::govern {

namespace fs = std::filesystem;

namespace {

const char *const kAccessControlOff = "access control off: no approver required";

// A gate that names files must name files that exist and parse, so a typo shows when it is set.
Status checkGateFiles(const fs::path &root, const PromotionGate &gate)
{
    auto fromRoot = [&](const std::string &path) { return fs::path(path).is_relative() ? root / path : fs::path(path); };
    if (gate.schemaPath)
        if (auto schema = validate::loadSchema(fromRoot(*gate.schemaPath)); !schema)
            return Error{schema.error().kind, "gate schema: " + schema.error().message};
    if (gate.modelTestsPath)
        if (auto spec = model::loadModelTestSpec(fromRoot(*gate.modelTestsPath)); !spec)
            return Error{spec.error().kind, "gate model tests: " + spec.error().message};
    return {};
}

// "a scientist", "an approver".
std::string withArticle(Role role)
{
    const std::string_view name = roleName(role);
    const bool vowel = !name.empty() && std::string_view("aeiou").find(name.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + std::string(name);
}

bool matchesLogin(const User &user, const std::string &login)
{
    return user.name == login || user.osUser.value_or(user.name) == login;
}

} // namespace

GateCheck approverCheck(const Actor &actor)
{
    if (!actor.enforced)
        return {.name = "approver", .passed = true, .detail = kAccessControlOff};
    const bool allowed = actor.role >= Role::Approver;
    return {.name = "approver",
            .passed = allowed,
            .detail = actor.name + " is " + withArticle(actor.role) +
                      (allowed ? "" : "; production needs an approver")};
}

GateCheck approverRefused(const Error &refusal)
{
    return {.name = "approver", .passed = false, .detail = refusal.message};
}

Result<GateCheck> sessionApproverCheck(workspace::Workspace &workspace)
{
    auto users = listUsers(workspace.database());
    if (!users)
        return users.error();
    if (users->empty())
        return GateCheck{.name = "approver", .passed = true, .detail = kAccessControlOff};
    const std::string login = sessionCredentials().user;
    const auto user = std::find_if(users->begin(), users->end(), [&](const User &u) { return matchesLogin(u, login); });
    if (user == users->end())
        return GateCheck{.name = "approver",
                         .passed = false,
                         .detail = login + " is not a workspace user (a viewer); production needs an approver"};
    if (user->disabled)
        return GateCheck{.name = "approver", .passed = false, .detail = user->name + " is disabled"};
    GateCheck check = approverCheck({.name = user->name, .role = user->role, .enforced = true});
    if (check.passed)
        check.detail += " (the password is asked on promotion)";
    return check;
}

GateResult gateResultOf(std::vector<GateCheck> checks)
{
    const bool passed = std::all_of(checks.begin(), checks.end(), [](const GateCheck &c) { return c.passed; });
    return {.passed = passed, .checks = std::move(checks)};
}

Result<PromotionGate> gate(workspace::Workspace &workspace, const std::string &name)
{
    auto json = registry::loadGateJson(workspace.database(), name);
    if (!json)
        return json.error();
    auto parsed = parseGate(*json);
    if (!parsed)
        return Error::invalidInput(name + ": stored " + parsed.error().message);
    return parsed;
}

Status setGate(workspace::Workspace &workspace, const std::string &name, const PromotionGate &promotionGate)
{
    auto &db = workspace.database();
    ASSAY_TRY(registry::loadModel(db, name));
    if (promotionGate.driftReference && !promotionGate.driftCurrent)
        return Error::invalidInput(name + ": the gate's drift check needs a current dataset as well as a reference");
    if (promotionGate.maxDriftShare < 0 || promotionGate.maxDriftShare > 1)
        return Error::invalidInput(name + ": the gate's max drift share must be from 0 to 1");
    ASSAY_TRY(checkGateFiles(workspace.root(), promotionGate));
    auto actor = authorize(db, Action::RegisterModel, name);
    if (!actor)
        return actor.error();
    const std::string json = gateJson(promotionGate);
    const QJsonObject details{
        {QStringLiteral("gate"), QJsonDocument::fromJson(QByteArray::fromStdString(json)).object()}};
    return db.transaction([&]() -> Status {
        ASSAY_TRY(registry::storeGateJson(db, name, json));
        return appendAudit(db, {.actor = actor->name,
                                .action = "registry.gate",
                                .object = name,
                                .refused = false,
                                .detailsJson = QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString()});
    });
}

Result<GateResult> evaluateGate(workspace::Workspace &workspace, const std::string &name, int number)
{
    auto version = registry::loadVersion(workspace.database(), name, number);
    if (!version)
        return version.error();
    auto promotionGate = gate(workspace, name);
    if (!promotionGate)
        return promotionGate.error();
    auto checks = runDataChecks(workspace, *promotionGate, *version);
    if (!checks)
        return checks.error();
    auto approver = sessionApproverCheck(workspace);
    if (!approver)
        return approver.error();
    checks->push_back(std::move(*approver));
    return gateResultOf(std::move(*checks));
}

} // namespace assay::govern
