#include "govern/registry_store.h"

#include "workspace/database.h"

#include <map>

namespace assay::govern::registry {

using workspace::Statement;

namespace {

constexpr const char *kVersionColumns =
    "name, version, run_id, model_md5, git_commit, stage, description, created_ms, created_by";

ModelVersion versionOf(const Statement &row)
{
    ModelVersion version{.name = row.columnText(0),
                         .version = static_cast<int>(row.columnInt(1)),
                         .runId = row.columnText(2),
                         .modelMd5 = row.columnText(3),
                         .gitCommit = row.columnText(4),
                         .stage = Stage::None,
                         .aliases = {},
                         .description = row.columnText(6),
                         .createdMs = row.columnInt(7),
                         .createdBy = row.columnText(8)};
    if (auto stage = parseStage(row.columnText(5)))
        version.stage = *stage;
    return version;
}

// Aliases of NAME by version, each list sorted.
Result<std::map<int, std::vector<std::string>>> aliasesOf(workspace::Database &db, const std::string &name)
{
    auto select = db.prepare("SELECT version, alias FROM model_aliases WHERE name = ?1 ORDER BY alias");
    if (!select)
        return select.error();
    select->bind(1, name);
    std::map<int, std::vector<std::string>> aliases;
    ASSAY_TRY(select->forEachRow([&](const Statement &row) {
        aliases[static_cast<int>(row.columnInt(0))].push_back(row.columnText(1));
    }));
    return aliases;
}

} // namespace

Result<RegisteredModel> loadModel(workspace::Database &db, const std::string &name)
{
    auto select = db.prepare(
        "SELECT name, description, created_ms, created_by FROM registered_models WHERE name = ?1");
    if (!select)
        return select.error();
    select->bind(1, name);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound("no registered model '" + name + "'");
    return RegisteredModel{.name = select->columnText(0),
                           .description = select->columnText(1),
                           .createdMs = select->columnInt(2),
                           .createdBy = select->columnText(3),
                           .versions = {}};
}

Result<std::vector<RegisteredModel>> loadModels(workspace::Database &db)
{
    auto select = db.prepare(
        "SELECT name, description, created_ms, created_by FROM registered_models ORDER BY name");
    if (!select)
        return select.error();
    std::vector<RegisteredModel> models;
    ASSAY_TRY(select->forEachRow([&](const Statement &row) {
        models.push_back({.name = row.columnText(0),
                          .description = row.columnText(1),
                          .createdMs = row.columnInt(2),
                          .createdBy = row.columnText(3),
                          .versions = {}});
    }));
    return models;
}

Result<std::vector<ModelVersion>> loadVersions(workspace::Database &db, const std::string &name)
{
    auto select = db.prepare(std::string("SELECT ") + kVersionColumns +
                             " FROM model_versions WHERE name = ?1 ORDER BY version");
    if (!select)
        return select.error();
    select->bind(1, name);
    std::vector<ModelVersion> versions;
    ASSAY_TRY(select->forEachRow([&](const Statement &row) { versions.push_back(versionOf(row)); }));
    auto aliases = aliasesOf(db, name);
    if (!aliases)
        return aliases.error();
    for (auto &version : versions)
        if (auto it = aliases->find(version.version); it != aliases->end())
            version.aliases = it->second;
    return versions;
}

Result<ModelVersion> loadVersion(workspace::Database &db, const std::string &name, int number)
{
    auto versions = loadVersions(db, name);
    if (!versions)
        return versions.error();
    for (auto &version : *versions)
        if (version.version == number)
            return std::move(version);
    ASSAY_TRY(loadModel(db, name));
    return Error::notFound(name + " has no version " + std::to_string(number));
}

Result<std::string> loadGateJson(workspace::Database &db, const std::string &name)
{
    auto select = db.prepare("SELECT gate FROM registered_models WHERE name = ?1");
    if (!select)
        return select.error();
    select->bind(1, name);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::notFound("no registered model '" + name + "'");
    return select->columnText(0);
}

Status storeGateJson(workspace::Database &db, const std::string &name, const std::string &json)
{
    auto update = db.prepare("UPDATE registered_models SET gate = ?2 WHERE name = ?1");
    if (!update)
        return update.error();
    update->bind(1, name).bind(2, json);
    return update->run();
}

Status insertModel(workspace::Database &db, const RegisteredModel &model)
{
    auto insert = db.prepare(
        "INSERT INTO registered_models(name, description, created_ms, created_by) VALUES (?1, ?2, ?3, ?4)");
    if (!insert)
        return insert.error();
    insert->bind(1, model.name).bind(2, model.description).bind(3, model.createdMs).bind(4, model.createdBy);
    return insert->run();
}

Status insertVersion(workspace::Database &db, const ModelVersion &version)
{
    auto insert = db.prepare(std::string("INSERT INTO model_versions(") + kVersionColumns +
                             ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert)
        return insert.error();
    insert->bind(1, version.name).bind(2, std::int64_t{version.version}).bind(3, version.runId);
    insert->bind(4, version.modelMd5).bind(5, version.gitCommit).bind(6, stageName(version.stage));
    insert->bind(7, version.description).bind(8, version.createdMs).bind(9, version.createdBy);
    return insert->run();
}

Result<int> nextVersionNumber(workspace::Database &db, const std::string &name)
{
    auto select = db.prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = ?1");
    if (!select)
        return select.error();
    select->bind(1, name);
    ASSAY_TRY(select->step());
    return static_cast<int>(select->columnInt(0));
}

Status updateStage(workspace::Database &db, const std::string &name, int version, Stage stage)
{
    auto update = db.prepare("UPDATE model_versions SET stage = ?3 WHERE name = ?1 AND version = ?2");
    if (!update)
        return update.error();
    update->bind(1, name).bind(2, std::int64_t{version}).bind(3, stageName(stage));
    return update->run();
}

Result<std::optional<int>> aliasTarget(workspace::Database &db, const std::string &name,
                                       const std::string &alias)
{
    auto select = db.prepare("SELECT version FROM model_aliases WHERE name = ?1 AND alias = ?2");
    if (!select)
        return select.error();
    select->bind(1, name).bind(2, alias);
    auto row = select->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<int>();
    return std::optional<int>(static_cast<int>(select->columnInt(0)));
}

Status pointAlias(workspace::Database &db, const std::string &name, const std::string &alias, int version)
{
    auto upsert = db.prepare("INSERT INTO model_aliases(name, alias, version) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT(name, alias) DO UPDATE SET version = excluded.version");
    if (!upsert)
        return upsert.error();
    upsert->bind(1, name).bind(2, alias).bind(3, std::int64_t{version});
    return upsert->run();
}

Status insertTransition(workspace::Database &db, const Transition &transition)
{
    auto insert = db.prepare(
        "INSERT INTO stage_transitions(name, version, kind, from_value, to_value, actor, time_ms, "
        "reason, checks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert)
        return insert.error();
    insert->bind(1, transition.name).bind(2, std::int64_t{transition.version}).bind(3, transition.kind);
    insert->bind(4, transition.fromValue).bind(5, transition.toValue).bind(6, transition.actor);
    insert->bind(7, transition.timeMs).bind(8, transition.reason).bind(9, transition.checksJson);
    return insert->run();
}

Result<std::vector<Transition>> loadTransitions(workspace::Database &db, const std::string &name,
                                                std::optional<int> version)
{
    auto select = db.prepare(
        "SELECT name, version, kind, from_value, to_value, actor, time_ms, reason, checks "
        "FROM stage_transitions WHERE name = ?1 AND (?2 IS NULL OR version = ?2) ORDER BY id");
    if (!select)
        return select.error();
    select->bind(1, name);
    version ? select->bind(2, std::int64_t{*version}) : select->bindNull(2);
    std::vector<Transition> list;
    ASSAY_TRY(select->forEachRow([&](const Statement &row) {
        list.push_back({.name = row.columnText(0),
                        .version = static_cast<int>(row.columnInt(1)),
                        .kind = row.columnText(2),
                        .fromValue = row.columnText(3),
                        .toValue = row.columnText(4),
                        .actor = row.columnText(5),
                        .timeMs = row.columnInt(6),
                        .reason = row.columnText(7),
                        .checksJson = row.columnText(8)});
    }));
    return list;
}

} // namespace assay::govern::registry
