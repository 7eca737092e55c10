#include "model/model_document.h"

#include "model/linear_model.h"
#include "model/tree_ensemble.h"
#include "model/xgboost_import.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace assay::model {

namespace {

constexpr int kDocumentVersion = 1;
const QString kFormat = QStringLiteral("assay-model");

QString qs(const std::string &text) { return QString::fromStdString(text); }

QJsonArray stringsToJson(const std::vector<std::string> &strings)
{
    QJsonArray array;
    for (const auto &text : strings)
        array.append(qs(text));
    return array;
}

QJsonArray featuresToJson(const std::vector<FeatureSpec> &features)
{
    QJsonArray array;
    for (const auto &feature : features) {
        QJsonObject object{{QStringLiteral("name"), qs(feature.name)},
                           {QStringLiteral("kind"), feature.kind == FeatureKind::Numeric
                                                        ? QStringLiteral("numeric")
                                                        : QStringLiteral("categorical")}};
        if (feature.kind == FeatureKind::Categorical)
            object.insert(QStringLiteral("categories"), stringsToJson(feature.categories));
        array.append(object);
    }
    return array;
}

// Reads what saveModelDocument wrote, naming `displayName` and the key in errors.
class DocumentReader {
public:
    DocumentReader(const QJsonObject &root, std::string_view displayName)
        : m_root(root), m_name(displayName) {}

    Error error(const std::string &key, const std::string &what) const
    {
        return Error::invalidInput(m_name + ": " + key + ": " + what);
    }

    Result<std::vector<std::string>> strings(const QJsonObject &object, const QString &key,
                                             const std::string &path) const
    {
        const QJsonValue value = object.value(key);
        if (!value.isArray())
            return error(path, "expected an array of strings");
        std::vector<std::string> strings;
        for (const auto &item : value.toArray()) {
            if (!item.isString())
                return error(path, "expected an array of strings");
            strings.push_back(item.toString().toStdString());
        }
        return strings;
    }

    Result<ModelSignature> signature() const
    {
        ModelSignature signature;
        const auto task = taskFromName(m_root.value(QStringLiteral("task")).toString().toStdString());
        if (!task)
            return error("task", "expected binary, multiclass or regression");
        signature.task = *task;
        signature.target = m_root.value(QStringLiteral("target")).toString().toStdString();
        auto classes = strings(m_root, QStringLiteral("classes"), "classes");
        if (!classes)
            return classes.error();
        signature.classes = std::move(*classes);
        if (signature.task != Task::Regression && signature.classes.size() < 2)
            return error("classes", "a classifier needs at least two classes");
        if (signature.task == Task::Binary && signature.classes.size() != 2)
            return error("classes", "a binary model has exactly two classes");
        const QJsonValue features = m_root.value(QStringLiteral("features"));
        if (!features.isArray() || features.toArray().isEmpty())
            return error("features", "expected a non-empty array");
        const QJsonArray array = features.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const std::string path = "features[" + std::to_string(i) + "]";
            const QJsonObject object = array[i].toObject();
            FeatureSpec spec;
            spec.name = object.value(QStringLiteral("name")).toString().toStdString();
            if (spec.name.empty())
                return error(path + ".name", "expected a column name");
            const QString kind = object.value(QStringLiteral("kind")).toString();
            if (kind == QStringLiteral("categorical")) {
                spec.kind = FeatureKind::Categorical;
                auto categories = strings(object, QStringLiteral("categories"), path + ".categories");
                if (!categories)
                    return categories.error();
                spec.categories = std::move(*categories);
            } else if (kind != QStringLiteral("numeric")) {
                return error(path + ".kind", "expected numeric or categorical");
            }
            signature.features.push_back(std::move(spec));
        }
        return signature;
    }

    ModelMetadata metadata() const
    {
        const QJsonObject object = m_root.value(QStringLiteral("metadata")).toObject();
        ModelMetadata metadata;
        metadata.trainer = object.value(QStringLiteral("trainer")).toString().toStdString();
        metadata.params = object.value(QStringLiteral("params")).toObject();
        metadata.trainingDataMd5 = object.value(QStringLiteral("training_data_md5")).toString().toStdString();
        metadata.trainingData = object.value(QStringLiteral("training_data")).toString().toStdString();
        metadata.seed = static_cast<std::uint64_t>(object.value(QStringLiteral("seed")).toDouble());
        return metadata;
    }

    // Errors from a kind's fromJson name keys under "model"; prefix the file's name.
    Error located(const Error &inner) const { return Error{inner.kind, m_name + ": " + inner.message}; }

private:
    const QJsonObject &m_root;
    std::string m_name;
};

Result<LoadedModel> loadAssayDocument(const QJsonObject &root, std::string_view displayName)
{
    DocumentReader reader(root, displayName);
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > kDocumentVersion)
        return reader.error("version", "expected 1 (this model was written by a newer Assay?)");
    auto signature = reader.signature();
    if (!signature)
        return signature.error();
    const QJsonValue parameters = root.value(QStringLiteral("model"));
    if (!parameters.isObject())
        return reader.error("model", "expected an object");
    const QString kind = root.value(QStringLiteral("kind")).toString();
    std::shared_ptr<const Model> model;
    if (kind == QStringLiteral("trees")) {
        auto trees = TreeEnsemble::fromJson(std::move(*signature), parameters.toObject());
        if (!trees)
            return reader.located(trees.error());
        model = std::move(*trees);
    } else if (kind == QStringLiteral("linear") || kind == QStringLiteral("logistic")) {
        auto linear = LinearModel::fromJson(std::move(*signature), parameters.toObject());
        if (!linear)
            return reader.located(linear.error());
        model = std::move(*linear);
    } else {
        return reader.error("kind", "unknown model kind '" + kind.toStdString() + "'");
    }
    return LoadedModel{.model = std::move(model), .metadata = reader.metadata(), .runId = {}, .md5 = {}};
}

} // namespace

std::string saveModelDocument(const Model &model, const ModelMetadata &metadata)
{
    const ModelSignature &signature = model.signature();
    const QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kDocumentVersion},
        {QStringLiteral("kind"), qs(std::string(model.kind()))},
        {QStringLiteral("task"), qs(std::string(taskName(signature.task)))},
        {QStringLiteral("target"), qs(signature.target)},
        {QStringLiteral("classes"), stringsToJson(signature.classes)},
        {QStringLiteral("features"), featuresToJson(signature.features)},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("trainer"), qs(metadata.trainer)},
                     {QStringLiteral("params"), metadata.params},
                     {QStringLiteral("training_data_md5"), qs(metadata.trainingDataMd5)},
                     {QStringLiteral("training_data"), qs(metadata.trainingData)},
                     {QStringLiteral("seed"), static_cast<double>(metadata.seed)}}},
        {QStringLiteral("model"), model.parametersToJson()}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact).toStdString();
}

Result<LoadedModel> loadModel(std::string_view bytes, std::string_view displayName)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(
        QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error::invalidInput(std::string(displayName) + ": not valid JSON at byte " +
                                   std::to_string(parseError.offset) + ": " +
                                   parseError.errorString().toStdString());
    if (!document.isObject())
        return Error::invalidInput(std::string(displayName) + ": expected a JSON object");
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() == kFormat)
        return loadAssayDocument(root, displayName);
    if (isXgboostModel(root)) {
        auto imported = importXgboostModel(root, displayName);
        if (!imported)
            return imported.error();
        ModelMetadata metadata;
        metadata.trainer = "xgboost";
        return LoadedModel{.model = std::move(*imported), .metadata = std::move(metadata), .runId = {}, .md5 = {}};
    }
    return Error::invalidInput(std::string(displayName) +
                               ": neither an Assay model (\"format\": \"assay-model\") nor an "
                               "XGBoost JSON model (\"learner\")");
}

} // namespace assay::model
