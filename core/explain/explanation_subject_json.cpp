#include "explain/explanation_subject_json.h"

#include "explain/explanation_json_values.h"

#include <QJsonArray>

namespace assay::explain {

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

QJsonArray stringsToJson(const std::vector<std::string> &values)
{
    QJsonArray array;
    for (const std::string &value : values)
        array.append(text(value));
    return array;
}

QJsonObject featureToJson(const model::FeatureSpec &feature)
{
    const bool categorical = feature.kind == model::FeatureKind::Categorical;
    QJsonObject object{{QStringLiteral("name"), text(feature.name)},
                       {QStringLiteral("kind"),
                        categorical ? QStringLiteral("categorical") : QStringLiteral("numeric")}};
    if (categorical)
        object.insert(QStringLiteral("categories"), stringsToJson(feature.categories));
    return object;
}

Result<model::FeatureSpec> featureFromJson(const model::JsonFields &fields)
{
    model::FeatureSpec feature;
    auto name = fields.string("name");
    if (!name)
        return name.error();
    auto kind = fields.string("kind");
    if (!kind)
        return kind.error();
    feature.name = std::move(*name);
    if (*kind == "categorical") {
        feature.kind = model::FeatureKind::Categorical;
        auto categories = fields.strings("categories");
        if (!categories)
            return categories.error();
        feature.categories = std::move(*categories);
    } else if (*kind != "numeric") {
        return fields.error("kind", "expected numeric or categorical, found '" + *kind + "'");
    }
    return feature;
}

} // namespace

QJsonObject subjectToJson(const ExplanationSubject &subject)
{
    QJsonArray features;
    for (const model::FeatureSpec &feature : subject.features)
        features.append(featureToJson(feature));
    return {{QStringLiteral("model"), text(subject.modelName)},
            {QStringLiteral("model_md5"), text(subject.modelMd5)},
            {QStringLiteral("run_id"), text(subject.runId)},
            {QStringLiteral("data"), text(subject.dataName)},
            {QStringLiteral("data_md5"), text(subject.dataMd5)},
            {QStringLiteral("task"), text(std::string(model::taskName(subject.task)))},
            {QStringLiteral("features"), features},
            {QStringLiteral("outputs"), stringsToJson(subject.outputs)}};
}

Result<ExplanationSubject> subjectFromJson(const model::JsonFields &fields)
{
    ExplanationSubject subject;
    const std::pair<const char *, std::string *> texts[] = {{"model", &subject.modelName},
                                                            {"model_md5", &subject.modelMd5},
                                                            {"run_id", &subject.runId},
                                                            {"data", &subject.dataName},
                                                            {"data_md5", &subject.dataMd5}};
    for (const auto &[key, target] : texts) {
        auto value = fields.string(key);
        if (!value)
            return value.error();
        *target = std::move(*value);
    }
    auto task = fields.string("task");
    if (!task)
        return task.error();
    const auto parsedTask = model::taskFromName(*task);
    if (!parsedTask)
        return fields.error("task", "unknown task '" + *task + "'");
    subject.task = *parsedTask;
    auto features = objects<model::FeatureSpec>(fields, "features", featureFromJson);
    if (!features)
        return features.error();
    subject.features = std::move(*features);
    auto outputs = fields.strings("outputs");
    if (!outputs)
        return outputs.error();
    subject.outputs = std::move(*outputs);
    return subject;
}

} // namespace assay::explain
