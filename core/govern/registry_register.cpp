// Registering versions and reading the registry back.
#include "govern/access_control.h"
#include "govern/audit_log.h"
#include "govern/model_registry.h"
#include "govern/registry_names.h"
#include "govern/registry_store.h"
#include "model/model_source.h"
#include "track/clock.h"
#include "track/run_query.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace assay::govern {

namespace {

// The run's model artifact; InvalidInput when it logged none or cannot be registered.
Result<track::Artifact> modelArtifactOf(const track::RunRecord &run)
{
    const std::string id = run.info.runId.substr(0, 8);
    if (run.info.deleted)
        return Error::invalidInput("run " + id + " is deleted; restore it before registering its model");
    if (run.info.status != track::RunStatus::Finished)
        return Error::invalidInput("run " + id + " is " + std::string(track::statusName(run.info.status)) +
                                   "; only a finished run's model can be registered");
    const auto artifact = std::find_if(run.artifacts.begin(), run.artifacts.end(), [](const track::Artifact &a) {
        return a.path == model::kModelArtifactPath;
    });
    if (artifact == run.artifacts.end() || artifact->md5.empty())
        return Error::invalidInput("run " + id + " logged no model (no artifact " +
                                   std::string(model::kModelArtifactPath) + ")");
    return *artifact;
}

std::string registerDetails(const ModelVersion &version)
{
    const QJsonObject details{{QStringLiteral("run"), QString::fromStdString(version.runId)},
                              {QStringLiteral("model_md5"), QString::fromStdString(version.modelMd5)},
                              {QStringLiteral("git_commit"), QString::fromStdString(version.gitCommit)}};
    return QJsonDocument(details).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

Result<ModelVersion> registerModel(workspace::Workspace &workspace, const std::string &name,
                                   const std::string &runRef, const std::string &description)
{
    ASSAY_TRY(checkModelName(name));
    auto &db = workspace.database();
    auto actor = authorize(db, Action::RegisterModel, name);
    if (!actor)
        return actor.error();
    auto runId = track::resolveRun(db, runRef);
    if (!runId)
        return runId.error();
    auto run = track::loadRun(db, *runId);
    if (!run)
        return run.error();
    auto artifact = modelArtifactOf(*run);
    if (!artifact)
        return artifact.error();

    ModelVersion version{.name = name,
                         .version = 0,
                         .runId = *runId,
                         .modelMd5 = artifact->md5,
                         .gitCommit = run->info.gitCommit.value_or(""),
                         .stage = Stage::None,
                         .aliases = {},
                         .description = description,
                         .createdMs = track::nowMs(),
                         .createdBy = actor->name};
    ASSAY_TRY(db.transaction([&]() -> Status {
        auto existing = registry::loadModel(db, name);
        if (!existing) {
            if (existing.error().kind != ErrorKind::NotFound)
                return existing.error();
            ASSAY_TRY(registry::insertModel(db, {.name = name,
                                                 .description = {},
                                                 .createdMs = version.createdMs,
                                                 .createdBy = actor->name,
                                                 .versions = {}}));
        }
        auto number = registry::nextVersionNumber(db, name);
        if (!number)
            return number.error();
        version.version = *number;
        ASSAY_TRY(registry::insertVersion(db, version));
        return appendAudit(db, {.actor = actor->name,
                                .action = "registry.register",
                                .object = versionObject(name, version.version),
                                .refused = false,
                                .detailsJson = registerDetails(version)});
    }));
    return version;
}

Result<std::vector<RegisteredModel>> listModels(workspace::Workspace &workspace)
{
    auto models = registry::loadModels(workspace.database());
    if (!models)
        return models.error();
    for (auto &model : *models) {
        auto versions = registry::loadVersions(workspace.database(), model.name);
        if (!versions)
            return versions.error();
        model.versions = std::move(*versions);
    }
    return models;
}

Result<RegisteredModel> showModel(workspace::Workspace &workspace, const std::string &name)
{
    auto model = registry::loadModel(workspace.database(), name);
    if (!model)
        return model.error();
    auto versions = registry::loadVersions(workspace.database(), name);
    if (!versions)
        return versions.error();
    model->versions = std::move(*versions);
    return model;
}

Result<std::vector<Transition>> transitions(workspace::Workspace &workspace, const std::string &name,
                                            std::optional<int> version)
{
    ASSAY_TRY(registry::loadModel(workspace.database(), name));
    return registry::loadTransitions(workspace.database(), name, version);
}

} // namespace assay::govern
