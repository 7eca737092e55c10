#include "explain/explanation_document.h"

#include "explain/explanation_result_json.h"
#include "explain/explanation_subject_json.h"

#include <QJsonDocument>

namespace assay::explain {

namespace {

constexpr const char *kFormat = "assay-explanation";
constexpr int kVersion = 1;

QJsonObject resultToJson(const Explanation &explanation)
{
    return std::visit(
        [](const auto &result) -> QJsonObject {
            using T = std::decay_t<decltype(result)>;
            if constexpr (std::is_same_v<T, ShapExplanation>)
                return shapResultToJson(result);
            else if constexpr (std::is_same_v<T, LimeResult>)
                return limeResultToJson(result);
            else if constexpr (std::is_same_v<T, PermutationResult>)
                return permutationResultToJson(result);
            else
                return partialDependenceResultToJson(result);
        },
        explanation.result);
}

Status readResult(const model::JsonFields &result, Explanation &explanation)
{
    const auto &features = explanation.subject.features;
    switch (explanation.method) {
    case ExplainMethod::TreeShap:
    case ExplainMethod::KernelShap: {
        auto shap = shapResultFromJson(result, features);
        if (!shap)
            return shap.error();
        explanation.result = std::move(*shap);
        return {};
    }
    case ExplainMethod::Lime: {
        auto lime = limeResultFromJson(result, features);
        if (!lime)
            return lime.error();
        explanation.result = std::move(*lime);
        return {};
    }
    case ExplainMethod::Permutation: {
        auto permutation = permutationResultFromJson(result, features.size());
        if (!permutation)
            return permutation.error();
        explanation.result = std::move(*permutation);
        return {};
    }
    case ExplainMethod::PartialDependence: {
        auto pdp = partialDependenceResultFromJson(result, features.size());
        if (!pdp)
            return pdp.error();
        explanation.result = std::move(*pdp);
        return {};
    }
    }
    return Error::internal("unknown explanation method");
}

} // namespace

std::string saveExplanationDocument(const Explanation &explanation)
{
    const QJsonObject document{
        {QStringLiteral("format"), QString::fromLatin1(kFormat)},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("method"),
         QString::fromStdString(std::string(methodName(explanation.method)))},
        {QStringLiteral("created_ms"), static_cast<qint64>(explanation.createdMs)},
        {QStringLiteral("subject"), subjectToJson(explanation.subject)},
        {QStringLiteral("params"), explanation.params},
        {QStringLiteral("result"), resultToJson(explanation)}};
    return QJsonDocument(document).toJson(QJsonDocument::Compact).toStdString();
}

Result<Explanation> loadExplanationDocument(std::string_view bytes, std::string_view displayName)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(
        QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error::invalidInput(std::string(displayName) + ": not a JSON object (" +
                                   parseError.errorString().toStdString() + ")");
    const model::JsonFields root(displayName, document.object());
    auto format = root.string("format");
    if (!format)
        return format.error();
    if (*format != kFormat)
        return root.error("format",
                          "expected '" + std::string(kFormat) + "', found '" + *format + "'");
    if (root.object().value(QStringLiteral("version")).toInt() != kVersion)
        return root.error("version", "expected version " + std::to_string(kVersion));
    Explanation explanation;
    auto method = root.string("method");
    if (!method)
        return method.error();
    const auto parsedMethod = methodFromName(*method);
    if (!parsedMethod)
        return root.error("method", "unknown method '" + *method + "'");
    explanation.method = *parsedMethod;
    const QJsonValue created = root.object().value(QStringLiteral("created_ms"));
    if (!created.isDouble())
        return root.error("created_ms", "expected a number");
    explanation.createdMs = created.toInteger();
    auto subject = root.object("subject");
    if (!subject)
        return subject.error();
    auto parsedSubject = subjectFromJson(*subject);
    if (!parsedSubject)
        return parsedSubject.error();
    explanation.subject = std::move(*parsedSubject);
    auto params = root.object("params");
    if (!params)
        return params.error();
    explanation.params = params->object();
    auto result = root.object("result");
    if (!result)
        return result.error();
    ASSAY_TRY(readResult(*result, explanation));
    return explanation;
}

} // namespace assay::explain
