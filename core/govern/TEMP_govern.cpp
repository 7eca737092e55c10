// TEMPORARY stand-in for the governance core (access control, audit log, registry, model
// card) so the Governance area links before the real implementations are merged. Deleted
// before the branch is handed over.
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "govern/model_card.h"
#include "govern/model_registry.h"
#include "workspace/database.h"
#include "workspace/workspace.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <mutex>

namespace assay::govern {

namespace {

std::mutex credentialsMutex;
std::optional<Credentials> sessionOverride;

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::string isoNow()
{
    return QDateTime::currentDateTimeUtc()
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"))
        .toStdString();
}

std::string sha256(const std::string &text)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

std::string canonical(const std::string &json)
{
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    return doc.toJson(QJsonDocument::Compact).toStdString();
}

std::string entryBytes(const AuditEntry &e)
{
    return e.prevHash + "|" + std::to_string(e.seq) + "|" + e.time + "|" + e.actor + "|" +
           e.action + "|" + e.object + "|" + e.outcome + "|" + e.details;
}

} // namespace

std::string_view roleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return "viewer";
    case Role::Scientist:
        return "scientist";
    case Role::Approver:
        return "approver";
    case Role::Admin:
        return "admin";
    }
    return "viewer";
}

Result<Role> parseRole(std::string_view text)
{
    for (Role role : {Role::Viewer, Role::Scientist, Role::Approver, Role::Admin})
        if (roleName(role) == text)
            return role;
    return Error::invalidInput("unknown role '" + std::string(text) + "'");
}

std::string_view actionName(Action action)
{
    switch (action) {
    case Action::ChangeData:
        return "data";
    case Action::WriteRun:
    case Action::DeleteRun:
        return "run";
    case Action::EditSchema:
        return "schema";
    case Action::RegisterModel:
    case Action::PromoteModel:
        return "registry";
    case Action::EditModelCard:
        return "card";
    case Action::ExportReport:
        return "report";
    case Action::ReleasePrivateStatistic:
        return "privacy";
    case Action::ManageUsers:
        return "user";
    case Action::SignCheckpoint:
        return "audit";
    }
    return "";
}

Role requiredRole(Action action)
{
    switch (action) {
    case Action::PromoteModel:
        return Role::Approver;
    case Action::ManageUsers:
    case Action::SignCheckpoint:
        return Role::Admin;
    default:
        return Role::Scientist;
    }
}

bool needsPassword(Action action)
{
    return requiredRole(action) >= Role::Approver;
}

Credentials sessionCredentials()
{
    std::lock_guard lock(credentialsMutex);
    if (sessionOverride)
        return *sessionOverride;
    Credentials credentials;
    if (const char *user = std::getenv("ASSAY_USER"))
        credentials.user = user;
    else if (const char *login = std::getenv("USER"))
        credentials.user = login;
    if (const char *password = std::getenv("ASSAY_PASSWORD"))
        credentials.password = password;
    return credentials;
}

void setSessionCredentials(Credentials credentials)
{
    std::lock_guard lock(credentialsMutex);
    sessionOverride = std::move(credentials);
}

Result<std::vector<User>> listUsers(workspace::Database &database)
{
    auto statement = database.prepare("SELECT name, os_user, role, password_hash, created_ms, "
                                      "created_by, disabled FROM users ORDER BY name");
    if (!statement)
        return statement.error();
    std::vector<User> users;
    ASSAY_TRY(statement->forEachRow([&](const workspace::Statement &row) {
        User user;
        user.name = row.columnText(0);
        if (!row.columnIsNull(1))
            user.osUser = row.columnText(1);
        user.role = parseRole(row.columnText(2)).value();
        user.hasPassword = !row.columnIsNull(3);
        user.createdMs = row.columnInt(4);
        user.createdBy = row.columnText(5);
        user.disabled = row.columnInt(6) != 0;
        users.push_back(std::move(user));
    }));
    return users;
}

Result<Actor> authorize(workspace::Database &database, Action action, const std::string &object)
{
    auto users = listUsers(database);
    if (!users)
        return users.error();
    const Credentials credentials = sessionCredentials();
    if (users->empty())
        return Actor{.name = credentials.user, .role = Role::Admin, .enforced = false};
    Actor actor{.name = credentials.user, .role = Role::Viewer, .enforced = true};
    std::string hash;
    for (const User &user : *users) {
        if (user.osUser.value_or(user.name) == credentials.user || user.name == credentials.user) {
            actor.name = user.name;
            actor.role = user.role;
        }
    }
    auto refuse = [&](const std::string &message) -> Result<Actor> {
        (void)appendAudit(database, {.actor = actor.name,
                                     .action = std::string(actionName(action)) + ".refused",
                                     .object = object,
                                     .refused = true,
                                     .detailsJson = "{}"});
        return Error::refused(message);
    };
    if (actor.role < requiredRole(action))
        return refuse("user " + actor.name + " (" + std::string(roleName(actor.role)) +
                      ") may not " + std::string(actionName(action)) + ": needs " +
                      std::string(roleName(requiredRole(action))));
    if (needsPassword(action)) {
        auto statement = database.prepare("SELECT password_hash FROM users WHERE name = ?");
        if (!statement)
            return statement.error();
        statement->bind(1, actor.name);
        auto row = statement->step();
        if (row && *row && !statement->columnIsNull(0))
            hash = statement->columnText(0);
        if (!credentials.password)
            return refuse("user " + actor.name + " needs a password to " +
                          std::string(actionName(action)));
        if (hash != "temp:" + *credentials.password)
            return refuse("wrong password for user " + actor.name);
    }
    return actor;
}

Result<Actor> authorizeAt(const std::filesystem::path &root, Action action, const std::string &object)
{
    auto workspace = workspace::Workspace::open(root);
    if (!workspace)
        return Actor{.name = sessionCredentials().user, .role = Role::Admin, .enforced = false};
    return authorize(workspace->database(), action, object);
}

Status addUser(workspace::Database &database, const User &user, const std::optional<std::string> &password)
{
    auto users = listUsers(database);
    if (!users)
        return users.error();
    std::string actor = sessionCredentials().user;
    if (users->empty()) {
        if (user.role != Role::Admin || !password)
            return Error::invalidInput("the first user must be an admin with a password");
    } else {
        auto allowed = authorize(database, Action::ManageUsers, user.name);
        if (!allowed)
            return allowed.error();
        actor = allowed->name;
    }
    return database.transaction([&]() -> Status {
        auto statement = database.prepare("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, 0)");
        if (!statement)
            return statement.error();
        statement->bind(1, user.name);
        if (user.osUser)
            statement->bind(2, *user.osUser);
        else
            statement->bindNull(2);
        statement->bind(3, roleName(user.role));
        if (password)
            statement->bind(4, "temp:" + *password);
        else
            statement->bindNull(4);
        statement->bind(5, nowMs());
        statement->bind(6, actor);
        ASSAY_TRY(statement->run());
        return appendAudit(database, {.actor = actor,
                                      .action = "user.add",
                                      .object = user.name,
                                      .refused = false,
                                      .detailsJson = "{}"});
    });
}

Status setUserRole(workspace::Database &database, const std::string &name, Role role)
{
    auto allowed = authorize(database, Action::ManageUsers, name);
    if (!allowed)
        return allowed.error();
    return database.transaction([&]() -> Status {
        auto statement = database.prepare("UPDATE users SET role = ? WHERE name = ?");
        if (!statement)
            return statement.error();
        statement->bind(1, roleName(role)).bind(2, name);
        ASSAY_TRY(statement->run());
        return appendAudit(database, {.actor = allowed->name,
                                      .action = "user.role",
                                      .object = name,
                                      .refused = false,
                                      .detailsJson = "{}"});
    });
}

Status setUserPassword(workspace::Database &, const std::string &, const std::string &)
{
    return Error::internal("TEMP: not implemented");
}

Status removeUser(workspace::Database &database, const std::string &name)
{
    auto allowed = authorize(database, Action::ManageUsers, name);
    if (!allowed)
        return allowed.error();
    return database.transaction([&]() -> Status {
        auto statement = database.prepare("DELETE FROM users WHERE name = ?");
        if (!statement)
            return statement.error();
        statement->bind(1, name);
        ASSAY_TRY(statement->run());
        return appendAudit(database, {.actor = allowed->name,
                                      .action = "user.remove",
                                      .object = name,
                                      .refused = false,
                                      .detailsJson = "{}"});
    });
}

Status appendAudit(workspace::Database &database, const AuditRecord &record)
{
    auto last = database.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!last)
        return last.error();
    AuditEntry entry;
    entry.seq = 1;
    entry.prevHash = std::string(64, '0');
    auto row = last->step();
    if (row && *row) {
        entry.seq = last->columnInt(0) + 1;
        entry.prevHash = last->columnText(1);
    }
    entry.time = isoNow();
    entry.actor = record.actor;
    entry.action = record.action;
    entry.object = record.object;
    entry.outcome = record.refused ? "refused" : "ok";
    entry.details = canonical(record.detailsJson);
    entry.hash = sha256(entryBytes(entry));
    auto insert = database.prepare("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, entry.seq).bind(2, entry.time).bind(3, entry.actor).bind(4, entry.action);
    insert->bind(5, entry.object).bind(6, entry.outcome).bind(7, entry.details);
    insert->bind(8, entry.prevHash).bind(9, entry.hash);
    return insert->run();
}

Result<std::vector<AuditEntry>> readAudit(workspace::Database &database, const AuditQuery &query)
{
    auto statement = database.prepare("SELECT seq, time, actor, action, object, outcome, details, "
                                      "prev_hash, hash FROM audit_log ORDER BY seq");
    if (!statement)
        return statement.error();
    std::vector<AuditEntry> entries;
    ASSAY_TRY(statement->forEachRow([&](const workspace::Statement &row) {
        AuditEntry e{.seq = row.columnInt(0),
                     .time = row.columnText(1),
                     .actor = row.columnText(2),
                     .action = row.columnText(3),
                     .object = row.columnText(4),
                     .outcome = row.columnText(5),
                     .details = row.columnText(6),
                     .prevHash = row.columnText(7),
                     .hash = row.columnText(8)};
        if (query.action && e.action.rfind(*query.action, 0) != 0)
            return;
        entries.push_back(std::move(e));
    }));
    return entries;
}

Result<ChainVerdict> verifyAudit(workspace::Database &database, const std::optional<std::string> &)
{
    auto entries = readAudit(database);
    if (!entries)
        return entries.error();
    ChainVerdict verdict;
    std::string prev(64, '0');
    std::int64_t expected = 1;
    for (const AuditEntry &entry : *entries) {
        ++verdict.entries;
        if (entry.seq != expected) {
            verdict.intact = false;
            verdict.firstBroken = expected;
            verdict.problem = "entry " + std::to_string(expected) + " is missing";
            return verdict;
        }
        if (entry.prevHash != prev || sha256(entryBytes(entry)) != entry.hash) {
            verdict.intact = false;
            verdict.firstBroken = entry.seq;
            verdict.problem = "entry " + std::to_string(entry.seq) + " was edited (hash mismatch)";
            return verdict;
        }
        prev = entry.hash;
        ++expected;
    }
    auto checkpoints = database.prepare("SELECT count(*), max(seq) FROM audit_checkpoints");
    if (checkpoints && *checkpoints->step()) {
        verdict.checkpoints = checkpoints->columnInt(0);
        if (!checkpoints->columnIsNull(1))
            verdict.lastCheckpointSeq = checkpoints->columnInt(1);
    }
    return verdict;
}

Result<Checkpoint> signCheckpoint(workspace::Database &, const std::filesystem::path &, const std::string &)
{
    return Error::internal("TEMP: not implemented");
}

Result<std::string> createAuditKey(const std::filesystem::path &)
{
    return Error::internal("TEMP: not implemented");
}

std::filesystem::path defaultAuditKeyPath()
{
    return "audit.key";
}

// ---- registry ----

std::string_view stageName(Stage stage)
{
    switch (stage) {
    case Stage::None:
        return "none";
    case Stage::Staging:
        return "staging";
    case Stage::Production:
        return "production";
    case Stage::Archived:
        return "archived";
    }
    return "none";
}

Result<Stage> parseStage(std::string_view text)
{
    for (Stage stage : {Stage::None, Stage::Staging, Stage::Production, Stage::Archived})
        if (stageName(stage) == text)
            return stage;
    return Error::invalidInput("unknown stage '" + std::string(text) + "'");
}

Result<PromotionGate> parseGate(const std::string &json)
{
    const QJsonObject object = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    PromotionGate gate;
    if (object.contains(QStringLiteral("schema")))
        gate.schemaPath = object.value(QStringLiteral("schema")).toString().toStdString();
    const QJsonObject metrics = object.value(QStringLiteral("min_metrics")).toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it)
        gate.minMetrics[it.key().toStdString()] = it.value().toDouble();
    return gate;
}

std::string gateJson(const PromotionGate &gate)
{
    QJsonObject object;
    if (gate.schemaPath)
        object.insert(QStringLiteral("schema"), QString::fromStdString(*gate.schemaPath));
    QJsonObject metrics;
    for (const auto &[key, value] : gate.minMetrics)
        metrics.insert(QString::fromStdString(key), value);
    if (!metrics.isEmpty())
        object.insert(QStringLiteral("min_metrics"), metrics);
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

Result<ModelVersion> registerModel(workspace::Workspace &workspace, const std::string &name,
                                   const std::string &runRef, const std::string &description)
{
    auto &db = workspace.database();
    auto actor = authorize(db, Action::RegisterModel, "model:" + name);
    if (!actor)
        return actor.error();
    ModelVersion version{.name = name, .version = 1, .runId = runRef, .modelMd5 = "", .gitCommit = "",
                         .stage = Stage::None, .aliases = {}, .description = description,
                         .createdMs = nowMs(), .createdBy = actor->name};
    ASSAY_TRY(db.transaction([&]() -> Status {
        auto model = db.prepare("INSERT OR IGNORE INTO registered_models (name, created_ms, created_by) VALUES (?, ?, ?)");
        model->bind(1, name).bind(2, version.createdMs).bind(3, actor->name);
        ASSAY_TRY(model->run());
        auto next = db.prepare("SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE name = ?");
        next->bind(1, name);
        ASSAY_TRY(next->step());
        version.version = int(next->columnInt(0));
        auto insert = db.prepare("INSERT INTO model_versions (name, version, run_id, model_md5, description, created_ms, created_by) VALUES (?, ?, ?, '', ?, ?, ?)");
        insert->bind(1, name).bind(2, std::int64_t(version.version)).bind(3, runRef).bind(4, description);
        insert->bind(5, version.createdMs).bind(6, actor->name);
        ASSAY_TRY(insert->run());
        return appendAudit(db, {.actor = actor->name, .action = "registry.register",
                                .object = "model:" + name + ":" + std::to_string(version.version),
                                .refused = false, .detailsJson = "{}"});
    }));
    return version;
}

Result<std::vector<RegisteredModel>> listModels(workspace::Workspace &workspace)
{
    auto &db = workspace.database();
    auto statement = db.prepare("SELECT name FROM registered_models ORDER BY name");
    if (!statement)
        return statement.error();
    std::vector<std::string> names;
    ASSAY_TRY(statement->forEachRow(
        [&](const workspace::Statement &row) { names.push_back(row.columnText(0)); }));
    std::vector<RegisteredModel> models;
    for (const auto &name : names) {
        auto model = showModel(workspace, name);
        if (!model)
            return model.error();
        models.push_back(std::move(*model));
    }
    return models;
}

Result<RegisteredModel> showModel(workspace::Workspace &workspace, const std::string &name)
{
    auto &db = workspace.database();
    auto statement = db.prepare(
        "SELECT description, created_ms, created_by FROM registered_models WHERE name = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, name);
    auto row = statement->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound("no registered model '" + name + "'");
    RegisteredModel model{.name = name,
                          .description = statement->columnText(0),
                          .createdMs = statement->columnInt(1),
                          .createdBy = statement->columnText(2),
                          .versions = {}};
    auto versions = db.prepare("SELECT version, run_id, model_md5, git_commit, stage, description, "
                               "created_ms, created_by FROM model_versions WHERE name = ? ORDER BY "
                               "version");
    if (!versions)
        return versions.error();
    versions->bind(1, name);
    ASSAY_TRY(versions->forEachRow([&](const workspace::Statement &r) {
        model.versions.push_back({.name = name,
                                  .version = int(r.columnInt(0)),
                                  .runId = r.columnText(1),
                                  .modelMd5 = r.columnText(2),
                                  .gitCommit = r.columnText(3),
                                  .stage = parseStage(r.columnText(4)).value(),
                                  .aliases = {},
                                  .description = r.columnText(5),
                                  .createdMs = r.columnInt(6),
                                  .createdBy = r.columnText(7)});
    }));
    auto aliases = db.prepare("SELECT alias, version FROM model_aliases WHERE name = ? ORDER BY alias");
    if (!aliases)
        return aliases.error();
    aliases->bind(1, name);
    ASSAY_TRY(aliases->forEachRow([&](const workspace::Statement &r) {
        for (auto &version : model.versions)
            if (version.version == r.columnInt(1))
                version.aliases.push_back(r.columnText(0));
    }));
    return model;
}

Result<ModelVersion> resolveModelVersion(workspace::Workspace &workspace, const std::string &ref)
{
    const auto colon = ref.find(':');
    auto model = showModel(workspace, ref.substr(0, colon));
    if (!model)
        return model.error();
    if (model->versions.empty())
        return Error::notFound("model '" + model->name + "' has no versions");
    if (colon == std::string::npos)
        return model->versions.back();
    const int wanted = std::atoi(ref.substr(colon + 1).c_str());
    for (const auto &version : model->versions)
        if (version.version == wanted)
            return version;
    return Error::notFound("no version " + ref);
}

Result<std::vector<Transition>> transitions(workspace::Workspace &workspace, const std::string &name,
                                            std::optional<int> version)
{
    auto statement = workspace.database().prepare(
        "SELECT version, kind, from_value, to_value, actor, time_ms, reason, checks FROM "
        "stage_transitions WHERE name = ? ORDER BY id");
    if (!statement)
        return statement.error();
    statement->bind(1, name);
    std::vector<Transition> list;
    ASSAY_TRY(statement->forEachRow([&](const workspace::Statement &r) {
        if (version && r.columnInt(0) != *version)
            return;
        list.push_back({.name = name,
                        .version = int(r.columnInt(0)),
                        .kind = r.columnText(1),
                        .fromValue = r.columnText(2),
                        .toValue = r.columnText(3),
                        .actor = r.columnText(4),
                        .timeMs = r.columnInt(5),
                        .reason = r.columnText(6),
                        .checksJson = r.columnText(7)});
    }));
    return list;
}

Status setGate(workspace::Workspace &workspace, const std::string &name, const PromotionGate &gate)
{
    auto &db = workspace.database();
    auto allowed = authorize(db, Action::RegisterModel, "model:" + name);
    if (!allowed)
        return allowed.error();
    return db.transaction([&]() -> Status {
        auto statement = db.prepare("UPDATE registered_models SET gate = ? WHERE name = ?");
        if (!statement)
            return statement.error();
        statement->bind(1, gateJson(gate)).bind(2, name);
        return statement->run();
    });
}

Result<PromotionGate> gate(workspace::Workspace &workspace, const std::string &name)
{
    auto statement = workspace.database().prepare("SELECT gate FROM registered_models WHERE name = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, name);
    auto row = statement->step();
    if (!row || !*row)
        return Error::notFound("no registered model '" + name + "'");
    return parseGate(statement->columnText(0));
}

Result<GateResult> evaluateGate(workspace::Workspace &workspace, const std::string &name, int version)
{
    auto resolved = resolveModelVersion(workspace, name + ":" + std::to_string(version));
    if (!resolved)
        return resolved.error();
    auto configured = gate(workspace, name);
    if (!configured)
        return configured.error();
    GateResult result;
    for (const auto &[key, minimum] : configured->minMetrics) {
        auto statement = workspace.database().prepare(
            "SELECT value FROM latest_metrics WHERE run_id = ? AND key = ?");
        if (!statement)
            return statement.error();
        statement->bind(1, resolved->runId).bind(2, key);
        auto row = statement->step();
        GateCheck check{.name = "metric " + key, .passed = false, .detail = key + " not logged"};
        if (row && *row) {
            const double value = statement->columnDouble(0);
            check.passed = value >= minimum;
            check.detail = key + " " + QString::number(value, 'g', 4).toStdString() +
                           (check.passed ? " ≥ " : " < ") + QString::number(minimum).toStdString();
        }
        result.checks.push_back(check);
    }
    std::sort(result.checks.begin(), result.checks.end(),
              [](const GateCheck &a, const GateCheck &b) { return a.name < b.name; });
    auto actor = authorize(workspace.database(), Action::RegisterModel, "model:" + name);
    const bool approver = actor && (!actor->enforced || actor->role >= Role::Approver);
    result.checks.push_back({.name = "approver",
                             .passed = approver,
                             .detail = actor ? actor->name + " is " +
                                                   std::string(roleName(actor->role))
                                             : actor.error().message});
    result.passed = true;
    for (const auto &check : result.checks)
        result.passed = result.passed && check.passed;
    return result;
}

static std::string checksJsonOf(const GateResult &result)
{
    QJsonArray array;
    for (const auto &check : result.checks)
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(check.name)},
                                 {QStringLiteral("passed"), check.passed},
                                 {QStringLiteral("detail"), QString::fromStdString(check.detail)}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

Result<GateResult> promote(workspace::Workspace &workspace, const std::string &name, int version,
                           Stage stage, const std::string &reason)
{
    auto &db = workspace.database();
    auto current = resolveModelVersion(workspace, name + ":" + std::to_string(version));
    if (!current)
        return current.error();
    GateResult result{.passed = true, .checks = {}};
    const std::string object = "model:" + name + ":" + std::to_string(version);
    auto actor = authorize(db, stage == Stage::Production ? Action::PromoteModel : Action::RegisterModel,
                           object);
    if (!actor)
        return actor.error();
    if (stage == Stage::Production) {
        auto evaluated = evaluateGate(workspace, name, version);
        if (!evaluated)
            return evaluated.error();
        result = *evaluated;
        if (!result.passed) {
            std::string failed;
            for (const auto &check : result.checks)
                if (!check.passed)
                    failed += "\n  " + check.name + ": " + check.detail;
            (void)db.transaction([&]() -> Status {
                auto insert = db.prepare("INSERT INTO stage_transitions (name, version, kind, "
                                         "from_value, to_value, actor, time_ms, reason, checks) VALUES "
                                         "(?, ?, 'refused', ?, ?, ?, ?, ?, ?)");
                insert->bind(8, checksJsonOf(result));
                insert->bind(1, name).bind(2, std::int64_t(version)).bind(3, stageName(current->stage));
                insert->bind(4, stageName(stage)).bind(5, actor->name).bind(6, nowMs()).bind(7, reason);
                ASSAY_TRY(insert->run());
                return appendAudit(db, {.actor = actor->name,
                                        .action = "registry.promote",
                                        .object = object,
                                        .refused = true,
                                        .detailsJson = "{}"});
            });
            return Error::refused("the gate refused " + name + " version " +
                                  std::to_string(version) + ":" + failed);
        }
    }
    ASSAY_TRY(db.transaction([&]() -> Status {
        auto update = db.prepare("UPDATE model_versions SET stage = ? WHERE name = ? AND version = ?");
        update->bind(1, stageName(stage)).bind(2, name).bind(3, std::int64_t(version));
        ASSAY_TRY(update->run());
        auto insert = db.prepare("INSERT INTO stage_transitions (name, version, kind, from_value, "
                                 "to_value, actor, time_ms, reason, checks) VALUES (?, ?, 'stage', ?, ?, ?, "
                                 "?, ?, ?)");
        insert->bind(8, checksJsonOf(result));
        insert->bind(1, name).bind(2, std::int64_t(version)).bind(3, stageName(current->stage));
        insert->bind(4, stageName(stage)).bind(5, actor->name).bind(6, nowMs()).bind(7, reason);
        ASSAY_TRY(insert->run());
        return appendAudit(db, {.actor = actor->name,
                                .action = "registry.promote",
                                .object = object,
                                .refused = false,
                                .detailsJson = "{}"});
    }));
    return result;
}

Status setAlias(workspace::Workspace &workspace, const std::string &name, const std::string &alias,
                int version, const std::string &reason)
{
    auto &db = workspace.database();
    auto actor = authorize(db, Action::RegisterModel, "model:" + name);
    if (!actor)
        return actor.error();
    return db.transaction([&]() -> Status {
        auto upsert = db.prepare("INSERT OR REPLACE INTO model_aliases VALUES (?, ?, ?)");
        upsert->bind(1, name).bind(2, alias).bind(3, std::int64_t(version));
        ASSAY_TRY(upsert->run());
        auto insert = db.prepare("INSERT INTO stage_transitions (name, version, kind, from_value, "
                                 "to_value, actor, time_ms, reason) VALUES (?, ?, 'alias', '', ?, "
                                 "?, ?, ?)");
        insert->bind(1, name).bind(2, std::int64_t(version)).bind(3, alias).bind(4, actor->name);
        insert->bind(5, nowMs()).bind(6, reason);
        ASSAY_TRY(insert->run());
        return appendAudit(db, {.actor = actor->name,
                                .action = "registry.alias",
                                .object = "model:" + name,
                                .refused = false,
                                .detailsJson = "{}"});
    });
}

// ---- model card ----

namespace {
QJsonArray stringArray(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const auto &item : items)
        array.append(QString::fromStdString(item));
    return array;
}
std::vector<std::string> strings(const QJsonValue &value)
{
    std::vector<std::string> items;
    for (const auto &item : value.toArray())
        items.push_back(item.toString().toStdString());
    return items;
}
} // namespace

std::string cardJson(const ModelCard &card)
{
    QJsonObject object;
    object.insert(QStringLiteral("version"), 1);
    object.insert(QStringLiteral("overview"), QString::fromStdString(card.overview));
    QJsonArray owners;
    for (const auto &owner : card.owners)
        owners.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(owner.name)},
                                  {QStringLiteral("contact"), QString::fromStdString(owner.contact)}});
    object.insert(QStringLiteral("owners"), owners);
    object.insert(QStringLiteral("model_version"), QString::fromStdString(card.version));
    object.insert(QStringLiteral("license"), QString::fromStdString(card.license));
    object.insert(QStringLiteral("references"), stringArray(card.references));
    object.insert(QStringLiteral("intended_use"), QString::fromStdString(card.intendedUse));
    object.insert(QStringLiteral("out_of_scope_uses"), stringArray(card.outOfScopeUses));
    object.insert(QStringLiteral("limitations"), stringArray(card.limitations));
    object.insert(QStringLiteral("tradeoffs"), stringArray(card.tradeoffs));
    object.insert(QStringLiteral("ethical_considerations"), stringArray(card.ethicalConsiderations));
    object.insert(QStringLiteral("sensitive_columns"), stringArray(card.sensitiveColumns));
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

Result<ModelCard> parseCard(const std::string &json, const std::string &)
{
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    ModelCard card;
    card.overview = o.value(QStringLiteral("overview")).toString().toStdString();
    for (const auto &owner : o.value(QStringLiteral("owners")).toArray())
        card.owners.push_back(
            {.name = owner.toObject().value(QStringLiteral("name")).toString().toStdString(),
             .contact = owner.toObject().value(QStringLiteral("contact")).toString().toStdString()});
    card.version = o.value(QStringLiteral("model_version")).toString().toStdString();
    card.license = o.value(QStringLiteral("license")).toString().toStdString();
    card.references = strings(o.value(QStringLiteral("references")));
    card.intendedUse = o.value(QStringLiteral("intended_use")).toString().toStdString();
    card.outOfScopeUses = strings(o.value(QStringLiteral("out_of_scope_uses")));
    card.limitations = strings(o.value(QStringLiteral("limitations")));
    card.tradeoffs = strings(o.value(QStringLiteral("tradeoffs")));
    card.ethicalConsiderations = strings(o.value(QStringLiteral("ethical_considerations")));
    card.sensitiveColumns = strings(o.value(QStringLiteral("sensitive_columns")));
    return card;
}

Result<ModelCard> loadCard(workspace::Workspace &workspace, const std::string &subject)
{
    auto statement = workspace.database().prepare(
        "SELECT card, updated_ms, updated_by FROM model_cards WHERE name = ?");
    if (!statement)
        return statement.error();
    statement->bind(1, subject);
    auto row = statement->step();
    ModelCard card;
    if (row && *row) {
        auto parsed = parseCard(statement->columnText(0), subject);
        if (!parsed)
            return parsed.error();
        card = std::move(*parsed);
        card.updatedMs = statement->columnInt(1);
        card.updatedBy = statement->columnText(2);
    }
    card.subject = subject;
    return card;
}

Status saveCard(workspace::Workspace &workspace, const ModelCard &card)
{
    auto &db = workspace.database();
    auto actor = authorize(db, Action::EditModelCard, "card:" + card.subject);
    if (!actor)
        return actor.error();
    return db.transaction([&]() -> Status {
        auto upsert = db.prepare("INSERT OR REPLACE INTO model_cards VALUES (?, ?, ?, ?)");
        upsert->bind(1, card.subject).bind(2, cardJson(card)).bind(3, nowMs()).bind(4, actor->name);
        ASSAY_TRY(upsert->run());
        return appendAudit(db, {.actor = actor->name,
                                .action = "card.edit",
                                .object = "card:" + card.subject,
                                .refused = false,
                                .detailsJson = "{}"});
    });
}

} // namespace assay::govern
