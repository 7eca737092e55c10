#include "explain/explanation_store.h"

#include "common/atomic_file.h"
#include "explain/explanation_document.h"
#include "model/json_fields.h"
#include "track/tracking_store.h"
#include "version/cache_object.h"
#include "version/dvc_layout.h"
#include "version/file_hash.h"
#include "workspace/workspace.h"

#include <QJsonDocument>

#include <algorithm>

namespace assay::explain {

namespace fs = std::filesystem;

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

fs::path indexDir(const workspace::Workspace &workspace)
{
    return workspace.root() / ".assay" / "explanations";
}

std::size_t rowsOf(const Explanation &explanation)
{
    if (const auto *shap = std::get_if<ShapExplanation>(&explanation.result))
        return shap->rowIds.size();
    if (const auto *lime = std::get_if<LimeResult>(&explanation.result))
        return lime->rowIds.size();
    // Permutation importance and partial dependence use every row of the range they name.
    const QJsonArray rows = explanation.params.value(QStringLiteral("rows")).toArray();
    if (rows.size() == 2)
        return static_cast<std::size_t>(
            std::max<qint64>(0, rows[1].toInteger() - rows[0].toInteger()));
    return 0;
}

QJsonObject entryToJson(const ExplanationEntry &entry)
{
    return {{QStringLiteral("key"), text(entry.key)},
            {QStringLiteral("method"), text(std::string(methodName(entry.method)))},
            {QStringLiteral("model"), text(entry.modelName)},
            {QStringLiteral("model_md5"), text(entry.modelMd5)},
            {QStringLiteral("run_id"), text(entry.runId)},
            {QStringLiteral("data"), text(entry.dataName)},
            {QStringLiteral("data_md5"), text(entry.dataMd5)},
            {QStringLiteral("params"), entry.params},
            {QStringLiteral("document_md5"), text(entry.documentMd5)},
            {QStringLiteral("created_ms"), static_cast<qint64>(entry.createdMs)},
            {QStringLiteral("rows"), static_cast<qint64>(entry.rows)}};
}

Result<ExplanationEntry> entryFromJson(std::string_view bytes, const std::string &displayName)
{
    const auto document = QJsonDocument::fromJson(
        QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())));
    if (!document.isObject())
        return Error::invalidInput(displayName + ": not a JSON object");
    const model::JsonFields fields(displayName, document.object());
    ExplanationEntry entry;
    const std::pair<const char *, std::string *> texts[] = {{"key", &entry.key},
                                                            {"model", &entry.modelName},
                                                            {"model_md5", &entry.modelMd5},
                                                            {"run_id", &entry.runId},
                                                            {"data", &entry.dataName},
                                                            {"data_md5", &entry.dataMd5},
                                                            {"document_md5", &entry.documentMd5}};
    for (const auto &[key, target] : texts) {
        auto value = fields.string(key);
        if (!value)
            return value.error();
        *target = std::move(*value);
    }
    auto method = fields.string("method");
    if (!method)
        return method.error();
    const auto parsed = methodFromName(*method);
    if (!parsed)
        return fields.error("method", "unknown method '" + *method + "'");
    entry.method = *parsed;
    auto params = fields.object("params");
    if (!params)
        return params.error();
    entry.params = params->object();
    entry.createdMs = document.object().value(QStringLiteral("created_ms")).toInteger();
    entry.rows =
        static_cast<std::size_t>(document.object().value(QStringLiteral("rows")).toInteger());
    return entry;
}

// Explanations are attached to the run under a name that tells them apart by key.
std::string artifactPath(const ExplanationEntry &entry)
{
    return "explain/" + std::string(methodName(entry.method)) + "-" + entry.key.substr(0, 8) +
           ".json";
}

} // namespace

std::string explanationKey(ExplainMethod method, const std::string &modelMd5,
                           const std::string &dataMd5, const QJsonObject &params)
{
    // QJsonObject keeps its keys sorted, so the compact text is canonical.
    const std::string canonicalParams =
        QJsonDocument(params).toJson(QJsonDocument::Compact).toStdString();
    return version::md5OfBytes(modelMd5 + "\n" + dataMd5 + "\n" + std::string(methodName(method)) +
                               "\n" + canonicalParams);
}

Result<std::optional<ExplanationEntry>> ExplanationStore::find(const std::string &key) const
{
    const fs::path file = indexDir(m_workspace) / (key + ".json");
    std::error_code error;
    if (!fs::exists(file, error))
        return std::optional<ExplanationEntry>();
    auto bytes = readFile(file);
    if (!bytes)
        return bytes.error();
    auto entry = entryFromJson(*bytes, file.string());
    if (!entry)
        return entry.error();
    if (!fs::exists(version::cacheObjectPath(m_workspace.root(), entry->documentMd5), error))
        return std::optional<ExplanationEntry>();
    return std::optional<ExplanationEntry>(std::move(*entry));
}

Result<std::vector<ExplanationEntry>> ExplanationStore::list() const
{
    std::vector<ExplanationEntry> entries;
    std::error_code error;
    const fs::path dir = indexDir(m_workspace);
    if (!fs::exists(dir, error))
        return entries;
    for (const auto &file : fs::directory_iterator(dir, error)) {
        if (file.path().extension() != ".json")
            continue;
        auto entry = find(file.path().stem().string());
        if (!entry)
            return entry.error();
        if (*entry)
            entries.push_back(std::move(**entry));
    }
    if (error)
        return Error::io(dir.string() + ": " + error.message());
    std::sort(entries.begin(), entries.end(),
              [](const ExplanationEntry &a, const ExplanationEntry &b) {
                  return a.createdMs != b.createdMs ? a.createdMs > b.createdMs : a.key < b.key;
              });
    return entries;
}

Result<Explanation> ExplanationStore::load(const ExplanationEntry &entry) const
{
    const fs::path object = version::cacheObjectPath(m_workspace.root(), entry.documentMd5);
    auto bytes = readFile(object);
    if (!bytes)
        return bytes.error();
    if (version::md5OfBytes(*bytes) != entry.documentMd5)
        return Error::invalidInput(object.string() + ": the explanation " + entry.key +
                                   " does not match its md5; it is corrupted");
    return loadExplanationDocument(*bytes, "explanation " + entry.key.substr(0, 8));
}

Result<ExplanationEntry> ExplanationStore::save(const Explanation &explanation)
{
    const std::string bytes = saveExplanationDocument(explanation);
    const ExplanationSubject &subject = explanation.subject;
    ExplanationEntry entry{.key = explanationKey(explanation.method, subject.modelMd5,
                                                 subject.dataMd5, explanation.params),
                           .method = explanation.method,
                           .modelName = subject.modelName,
                           .modelMd5 = subject.modelMd5,
                           .runId = subject.runId,
                           .dataName = subject.dataName,
                           .dataMd5 = subject.dataMd5,
                           .params = explanation.params,
                           .documentMd5 = version::md5OfBytes(bytes),
                           .createdMs = explanation.createdMs,
                           .rows = rowsOf(explanation)};
    ASSAY_TRY(version::storeObjectBytes(
        bytes, version::cacheObjectPath(m_workspace.root(), entry.documentMd5)));
    if (!entry.runId.empty()) {
        auto tracking = track::TrackingStore::open(m_workspace);
        if (!tracking)
            return tracking.error();
        auto attached = tracking->logArtifactBytes(entry.runId, bytes, artifactPath(entry));
        if (!attached)
            return attached.error();
    }
    std::error_code error;
    const fs::path dir = indexDir(m_workspace);
    fs::create_directories(dir, error);
    if (error)
        return Error::io(dir.string() + ": cannot create: " + error.message());
    ASSAY_TRY(writeFileAtomically(
        dir / (entry.key + ".json"),
        QJsonDocument(entryToJson(entry)).toJson(QJsonDocument::Compact).toStdString()));
    return entry;
}

} // namespace assay::explain
