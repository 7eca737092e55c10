#include "monitor/monitor_config.h"

#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "govern/model_registry.h"
#include "model/model_source.h"
#include "monitor/alert_rules.h"
#include "monitor/window_spec.h"
#include "track/clock.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>

namespace assay::monitor {

namespace {

constexpr std::string_view kSelectMonitor =
    "SELECT id, name, model_ref, reference, window, rules, generation, created_ms, created_by "
    "FROM monitors";

MonitorConfig readConfig(const workspace::Statement &row)
{
    return {.id = row.columnInt(0),
            .name = row.columnText(1),
            .modelRef = row.columnText(2),
            .reference = row.columnText(3),
            .window = row.columnText(4),
            .rulesJson = row.columnText(5),
            .generation = row.columnInt(6),
            .createdMs = row.columnInt(7),
            .createdBy = row.columnText(8)};
}

bool looksLikeRegistryName(workspace::Database &database, const std::string &modelRef)
{
    if (std::filesystem::exists(modelRef))
        return false;
    const std::string name = modelRef.substr(0, modelRef.find_first_of(":@"));
    auto found = database.prepare("SELECT 1 FROM registered_models WHERE name = ?");
    if (!found)
        return false;
    found->bind(1, name);
    auto row = found->step();
    return row.ok() && *row;
}

std::string auditDetails(const MonitorConfig &config)
{
    QJsonObject details{{QStringLiteral("model"), QString::fromStdString(config.modelRef)},
                        {QStringLiteral("reference"), QString::fromStdString(config.reference)},
                        {QStringLiteral("window"), QString::fromStdString(config.window)},
                        {QStringLiteral("rules"), QString::fromStdString(config.rulesJson)}};
    return QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

Result<MonitoredModel> openMonitoredModel(workspace::Workspace &workspace, const std::string &modelRef)
{
    auto &db = workspace.database();
    MonitoredModel monitored;
    std::string runRef = modelRef;
    if (looksLikeRegistryName(db, modelRef)) {
        auto version = govern::resolveModelVersion(workspace, modelRef);
        if (!version)
            return version.error();
        auto loaded = govern::openModelVersion(workspace, *version);
        if (!loaded)
            return loaded.error();
        monitored.monitorName = version->name;
        monitored.model = std::move(*loaded);
        runRef = version->runId;
    } else {
        auto loaded = model::openModel(modelRef, &workspace);
        if (!loaded)
            return loaded.error();
        if (loaded->runId.empty())
            return Error::invalidInput(modelRef + ": a monitor watches a run's model or a registered "
                                                  "model, not a model file");
        monitored.model = std::move(*loaded);
        runRef = monitored.model.runId;
    }
    auto runId = track::resolveRun(db, runRef);
    if (!runId)
        return runId.error();
    auto run = track::loadRun(db, *runId);
    if (!run)
        return run.error();
    monitored.run = std::move(*run);
    if (monitored.monitorName.empty())
        monitored.monitorName = monitored.run.info.name.empty() ? monitored.run.info.runId
                                                                : monitored.run.info.name;
    return monitored;
}

Result<std::string> monitorNameFor(workspace::Workspace &workspace, const std::string &modelRef)
{
    auto monitored = openMonitoredModel(workspace, modelRef);
    if (!monitored)
        return monitored.error();
    return monitored->monitorName;
}

Result<MonitorConfig> findMonitor(workspace::Database &database, const std::string &name)
{
    auto query = database.prepare(std::string(kSelectMonitor) + " WHERE name = ?");
    if (!query)
        return query.error();
    query->bind(1, name);
    auto row = query->step();
    if (!row)
        return row.error();
    if (*row)
        return readConfig(*query);
    auto all = listMonitors(database);
    std::string known;
    if (all)
        for (const MonitorConfig &config : *all)
            known += (known.empty() ? "" : ", ") + config.name;
    return Error::notFound("no monitor '" + name + "'" +
                           (known.empty() ? std::string(" (none yet: assay monitor ingest LOG --model NAME)")
                                          : " (monitors: " + known + ")"));
}

Result<std::vector<MonitorConfig>> listMonitors(workspace::Database &database)
{
    auto query = database.prepare(std::string(kSelectMonitor) + " ORDER BY created_ms, id");
    if (!query)
        return query.error();
    std::vector<MonitorConfig> configs;
    ASSAY_TRY(query->forEachRow([&](const workspace::Statement &row) { configs.push_back(readConfig(row)); }));
    return configs;
}

Result<MonitorConfig> configureMonitor(workspace::Workspace &workspace, const MonitorSetup &setup)
{
    if (setup.window) {
        auto spec = parseWindowSpec(*setup.window);
        if (!spec)
            return Error::invalidInput("window: " + spec.error().message);
    }
    if (setup.rulesJson) {
        auto rules = parseAlertRules(*setup.rulesJson);
        if (!rules)
            return Error::invalidInput("rules: " + rules.error().message);
    }
    auto monitored = openMonitoredModel(workspace, setup.model);
    if (!monitored)
        return monitored.error();
    const std::string name = monitored->monitorName;

    auto &db = workspace.database();
    auto actor = govern::authorize(db, govern::Action::MonitorModel, name, "monitor.configure");
    if (!actor)
        return actor.error();

    MonitorConfig result;
    ASSAY_TRY(db.transaction([&]() -> Status {
        auto existing = findMonitor(db, name);
        const bool isNew = !existing && existing.error().kind == ErrorKind::NotFound;
        if (!existing && !isNew)
            return existing.error();
        MonitorConfig config;
        if (isNew) {
            config.name = name;
            config.createdMs = track::nowMs();
            config.createdBy = actor->name;
        } else {
            config = *existing;
        }
        const MonitorConfig before = config;
        config.modelRef = setup.model;
        if (setup.reference)
            config.reference = *setup.reference;
        if (setup.window)
            config.window = windowSpecText(*parseWindowSpec(*setup.window));
        if (setup.rulesJson)
            config.rulesJson = alertRulesJson(*parseAlertRules(*setup.rulesJson));
        const bool changed = isNew || config.modelRef != before.modelRef ||
                             config.reference != before.reference || config.window != before.window ||
                             config.rulesJson != before.rulesJson;
        if (!changed) {
            result = config;
            return {};
        }
        if (isNew) {
            auto insert = db.prepare("INSERT INTO monitors(name, model_ref, reference, window, rules, "
                                     "generation, created_ms, created_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?)");
            if (!insert)
                return insert.error();
            insert->bind(1, config.name).bind(2, config.modelRef).bind(3, config.reference);
            insert->bind(4, config.window).bind(5, config.rulesJson).bind(6, config.createdMs);
            insert->bind(7, config.createdBy);
            ASSAY_TRY(insert->run());
        } else {
            auto update = db.prepare("UPDATE monitors SET model_ref = ?, reference = ?, window = ?, "
                                     "rules = ?, generation = generation + 1 WHERE id = ?");
            if (!update)
                return update.error();
            update->bind(1, config.modelRef).bind(2, config.reference).bind(3, config.window);
            update->bind(4, config.rulesJson).bind(5, config.id);
            ASSAY_TRY(update->run());
        }
        auto stored = findMonitor(db, name);
        if (!stored)
            return stored.error();
        result = *stored;
        return govern::appendAudit(db, {.actor = actor->name,
                                        .action = "monitor.configure",
                                        .object = name,
                                        .refused = false,
                                        .detailsJson = auditDetails(result)});
    }));
    return result;
}

Result<std::vector<std::string>> monitorFeatureNames(workspace::Database &database,
                                                     std::int64_t monitorId)
{
    auto query = database.prepare(
        "SELECT position, name FROM monitor_features WHERE monitor_id = ? ORDER BY position");
    if (!query)
        return query.error();
    query->bind(1, monitorId);
    std::vector<std::string> names;
    ASSAY_TRY(query->forEachRow([&](const workspace::Statement &row) {
        const auto position = static_cast<std::size_t>(row.columnInt(0));
        if (names.size() <= position)
            names.resize(position + 1);
        names[position] = row.columnText(1);
    }));
    return names;
}

} // namespace assay::monitor
