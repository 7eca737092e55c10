#include "registry_json.h"

#include "output.h"

#include <QJsonDocument>

namespace assay::cli {

QJsonObject modelVersionToJson(const govern::ModelVersion &version)
{
    QJsonArray aliases;
    for (const auto &alias : version.aliases)
        aliases.append(qs(alias));
    return {{QStringLiteral("name"), qs(version.name)},
            {QStringLiteral("version"), version.version},
            {QStringLiteral("stage"), qs(std::string(govern::stageName(version.stage)))},
            {QStringLiteral("aliases"), aliases},
            {QStringLiteral("run"), qs(version.runId)},
            {QStringLiteral("model_md5"), qs(version.modelMd5)},
            {QStringLiteral("git_commit"), qs(version.gitCommit)},
            {QStringLiteral("description"), qs(version.description)},
            {QStringLiteral("created_ms"), static_cast<qint64>(version.createdMs)},
            {QStringLiteral("created_by"), qs(version.createdBy)}};
}

QJsonObject registeredModelToJson(const govern::RegisteredModel &model)
{
    QJsonArray versions;
    for (const auto &version : model.versions)
        versions.append(modelVersionToJson(version));
    return {{QStringLiteral("name"), qs(model.name)},
            {QStringLiteral("description"), qs(model.description)},
            {QStringLiteral("created_ms"), static_cast<qint64>(model.createdMs)},
            {QStringLiteral("created_by"), qs(model.createdBy)},
            {QStringLiteral("versions"), versions}};
}

QJsonObject transitionToJson(const govern::Transition &transition)
{
    auto checks = govern::parseGateChecks(transition.checksJson);
    return {{QStringLiteral("version"), transition.version},
            {QStringLiteral("kind"), qs(transition.kind)},
            {QStringLiteral("from"), qs(transition.fromValue)},
            {QStringLiteral("to"), qs(transition.toValue)},
            {QStringLiteral("actor"), qs(transition.actor)},
            {QStringLiteral("time_ms"), static_cast<qint64>(transition.timeMs)},
            {QStringLiteral("reason"), qs(transition.reason)},
            {QStringLiteral("checks"), checks ? gateChecksToJson(*checks) : QJsonArray()}};
}

QJsonArray gateChecksToJson(const std::vector<govern::GateCheck> &checks)
{
    QJsonArray array;
    for (const auto &check : checks)
        array.append(QJsonObject{{QStringLiteral("name"), qs(check.name)},
                                 {QStringLiteral("passed"), check.passed},
                                 {QStringLiteral("detail"), qs(check.detail)}});
    return array;
}

QJsonObject gateToJson(const govern::PromotionGate &gate)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(govern::gateJson(gate))).object();
}

} // namespace assay::cli
